package dlbugs.model.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Chooses the confidence above which a head's answer may be applied without a person: the
 * lowest threshold whose answers reach the target precision on held-out rows (so coverage is as
 * large as possible), as issue-labelling bots do.
 *
 * @param threshold confidence threshold
 * @param precision accuracy of the answers at or above it
 * @param coverage  share of rows at or above it
 */
public record ThresholdChoice(double threshold, double precision, double coverage) {

    /** Fewest rows a threshold must keep to be trusted. */
    static final int MIN_KEPT = 10;

    /**
     * @param truth  per row, the true label's index
     * @param probs  calibrated probability rows
     * @param target the precision to reach, e.g. 0.8
     * @return the lowest threshold reaching {@code target} on at least {@link #MIN_KEPT} rows;
     *         if none does, {@link #never()}: no answer of this head should be applied unreviewed
     */
    public static ThresholdChoice choose(int[] truth, double[][] probs, double target) {
        boolean[] all = new boolean[truth.length];
        Arrays.fill(all, true);
        return choose(truth, probs, target, all);
    }

    /**
     * As {@link #choose(int[], double[][], double)} where some rows can never be accepted whatever
     * the threshold (a rule refuses them) and some have no right answer (truth -1: a report that
     * is not a DL bug has no right bug type, so accepting one is an error).
     *
     * @param eligible per row, whether a threshold may accept it; coverage counts every row
     */
    public static ThresholdChoice choose(int[] truth, double[][] probs, double target, boolean[] eligible) {
        int n = truth.length;
        double[] conf = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            int g = Scorer.argmax(probs[i]);
            conf[i] = probs[i][g];
            right[i] = g == truth[i];
        }
        Integer[] order = IntStream.range(0, n).filter(i -> eligible[i]).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> conf[i]).reversed());
        ThresholdChoice reaching = null;
        int hits = 0;
        for (int kept = 1; kept <= order.length; kept++) {
            hits += right[order[kept - 1]] ? 1 : 0;
            boolean tieNext = kept < order.length && conf[order[kept]] == conf[order[kept - 1]];
            if (kept < Math.min(MIN_KEPT, n) || tieNext) {
                continue;
            }
            ThresholdChoice here = new ThresholdChoice(conf[order[kept - 1]], (double) hits / kept, (double) kept / n);
            if (here.precision() >= target) {
                reaching = here;
            }
        }
        return reaching != null ? reaching : never();
    }

    /** A threshold no softmax answer reaches short of certainty: everything goes to a person. */
    public static ThresholdChoice never() {
        return new ThresholdChoice(1.0, Double.NaN, 0);
    }
}
