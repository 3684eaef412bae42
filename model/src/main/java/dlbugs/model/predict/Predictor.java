package dlbugs.model.predict;

import dlbugs.model.corpus.BugReport;

import java.util.List;

/**
 * Labels bug reports on every head of a taxonomy. Implementations need not be thread-safe
 * unless they say so; callers that share one across threads serialise access.
 */
public interface Predictor {

    /**
     * @param reports reports to label, in order
     * @return one prediction per report, in the same order
     * @throws NoUsableContentException if a report has no feature the model knows
     */
    List<Prediction> predictAll(List<BugReport> reports);

    /** @return what model answers (name, version, heads) */
    ModelInfo info();

    /** Labels one report; see {@link #predictAll(List)}. */
    default Prediction predict(BugReport report) {
        return predictAll(List.of(report)).get(0);
    }
}
