package dlbugs.model.eval;

import java.util.List;

/**
 * Held-out figures of a trained model, per head.
 *
 * @param method how the figures were measured, e.g. "grouped 5-fold cross-validation, seed 1"
 * @param units  held-out gold units
 * @param groups held-out commits and questions (no group is on both sides)
 * @param heads  per-head figures, in output order
 */
public record Evaluation(String method, int units, int groups, List<HeadEvaluation> heads) {
    public Evaluation {
        heads = List.copyOf(heads);
    }

    /** No held-out evaluation was run. */
    public static Evaluation none() {
        return new Evaluation("none", 0, 0, List.of());
    }
}
