package dlbugs.model.predict;

import dlbugs.model.taxonomy.Taxonomy;

import java.util.List;
import java.util.Optional;

/**
 * A model's answer for one report: one {@link HeadPrediction} per head, in output order. The
 * heads describe a DL bug, so none of them is accepted unless the {@code dl_bug} head accepts
 * the report as one: a client that applies accepted labels never labels a question, a feature
 * request or a typo fix as a kind of DL bug ({@link #gated()}).
 *
 * @param heads per-head answers
 */
public record Prediction(List<HeadPrediction> heads) {

    /** Why a head is not accepted when {@code dl_bug} does not accept the report as a DL bug. */
    public static final String NOT_A_DL_BUG = "not accepted: the dl_bug head does not accept this report as a DL bug";

    public Prediction {
        heads = List.copyOf(heads);
    }

    /** @return the answer for the named head */
    public HeadPrediction head(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no head " + name));
    }

    private Optional<HeadPrediction> find(String name) {
        return heads.stream().filter(h -> h.head().equals(name)).findFirst();
    }

    /**
     * @return this prediction with no head accepted but {@code dl_bug} unless {@code dl_bug}
     *         accepts the report as a DL bug; unchanged for a model without that head
     */
    public Prediction gated() {
        Optional<HeadPrediction> dlBug = find(Taxonomy.DL_BUG);
        if (dlBug.isEmpty() || dlBug.get().accepted() && Taxonomy.IS_DL_BUG.equals(dlBug.get().label())) {
            return this;
        }
        return new Prediction(heads.stream().map(h -> h.head().equals(Taxonomy.DL_BUG) ? h : h.refused(NOT_A_DL_BUG))
                .toList());
    }

    /** @return this prediction judged against one threshold for every head (a caller's own), then {@link #gated()} */
    public Prediction withThreshold(double threshold) {
        return new Prediction(heads.stream().map(h -> NOT_A_DL_BUG.equals(h.reason())
                ? new HeadPrediction(h.head(), h.label(), h.confidence(), h.top(), threshold)
                : h.withThreshold(threshold)).toList()).gated();
    }
}
