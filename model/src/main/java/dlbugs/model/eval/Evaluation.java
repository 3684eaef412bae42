package dlbugs.model.eval;

import java.util.List;

/**
 * Held-out figures of a trained model, per head.
 *
 * @param method how the figures were measured, e.g. "grouped 5-fold cross-validation, seed 1"
 * @param units  held-out gold units
 * @param groups held-out commits and questions (no group is on both sides)
 * @param heads  per-head figures on each head's reference units (gold, or every unit for a head gold
 *               cannot judge), in output order
 * @param slices per-head figures on each source apart; empty in bundles before them
 */
public record Evaluation(String method, int units, int groups, List<HeadEvaluation> heads, List<SliceEvaluation> slices) {
    public Evaluation {
        heads = List.copyOf(heads);
        slices = slices == null ? List.of() : List.copyOf(slices);
    }

    /** Figures on the reference units only. */
    public Evaluation(String method, int units, int groups, List<HeadEvaluation> heads) {
        this(method, units, groups, heads, List.of());
    }

    /** No held-out evaluation was run. */
    public static Evaluation none() {
        return new Evaluation("none", 0, 0, List.of());
    }
}
