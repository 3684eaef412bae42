package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;

import java.util.Map;

/** Turns a report into named feature counts (a bag of features); see {@link BugReportFeatures}. */
@FunctionalInterface
public interface FeatureExtractor {

    /**
     * @param report a report
     * @return feature name → count; empty if the report has nothing to extract
     */
    Map<String, Integer> extract(BugReport report);
}
