package dlbugs.model.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Chooses the confidence above which a head's answer may be applied without a person: the
 * lowest threshold whose answers reach the target precision on held-out rows (so coverage is as
 * large as possible), as issue-labelling bots do. "Reach" is judged with a margin for few rows:
 * the lower end of the Wilson interval of the precision ({@link #Z}: one-sided 90%) must reach the
 * target, so a threshold chosen on 30 answers is not trusted as one chosen on 400 (chosen on the
 * raw precision, the thresholds of the commits reached 0.58-0.70 precision on the reports they were
 * not chosen on).
 *
 * @param threshold confidence threshold
 * @param precision accuracy of the answers at or above it
 * @param coverage  share of rows at or above it
 */
public record ThresholdChoice(double threshold, double precision, double coverage) {

    /** Fewest rows a threshold must keep to be trusted. */
    static final int MIN_KEPT = 10;

    /** The normal quantile of the margin: the precision's one-sided 90% lower bound must reach the target. */
    static final double Z = 1.2816;

    /**
     * @param truth  per row, the true label's index
     * @param probs  calibrated probability rows
     * @param target the precision to reach, e.g. 0.8
     * @return the lowest threshold whose answers' precision reaches {@code target} with the margin
     *         (see above), on at least {@link #MIN_KEPT} rows;
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
            if (wilsonLower(hits, kept) >= target) {
                reaching = here;
            }
        }
        return reaching != null ? reaching : never();
    }

    /** @return the lower end of the Wilson score interval of {@code hits / n} at {@link #Z} */
    static double wilsonLower(int hits, int n) {
        double p = (double) hits / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre - spread) / (1 + z2 / n);
    }

    /** A threshold no softmax answer reaches short of certainty: everything goes to a person. */
    public static ThresholdChoice never() {
        return new ThresholdChoice(1.0, Double.NaN, 0);
    }
}
