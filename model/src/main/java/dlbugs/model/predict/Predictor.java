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

    /**
     * Explains each head's answer for a report by occlusion: which of its features raised the
     * answer's probability most.
     *
     * @param top most attributions per head
     * @return one explanation per head, in output order; empty if this predictor cannot explain
     * @throws NoUsableContentException if the report has no feature the model knows
     */
    default List<HeadExplanation> explain(BugReport report, int top) {
        return List.of();
    }

    /**
     * @param k most bugs to return
     * @return the known bugs of the corpus most like the report, most similar first; empty if
     *         this predictor has none
     * @throws NoUsableContentException if the report has no feature the model knows
     */
    default List<SimilarBug> similar(BugReport report, int k) {
        return List.of();
    }

    /** Labels one report; see {@link #predictAll(List)}. */
    default Prediction predict(BugReport report) {
        return predictAll(List.of(report)).get(0);
    }
}
