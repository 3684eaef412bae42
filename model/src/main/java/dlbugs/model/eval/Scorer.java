package dlbugs.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores probability rows against true labels for one head: accuracy, macro-F1, per-class
 * precision/recall/F1, confusion matrix, expected calibration error with its reliability
 * diagram, and the coverage-accuracy curve.
 */
public final class Scorer {

    /** Bins of the reliability diagram and of the ECE. */
    public static final int BINS = 10;

    private Scorer() {
    }

    /**
     * @param head   head name
     * @param labels the head's labels, in column order
     * @param truth  per unit, the index of its true label
     * @param probs  per unit, a probability row over {@code labels}
     * @return the scores
     */
    public static HeadScores score(String head, List<String> labels, int[] truth, double[][] probs) {
        int n = truth.length;
        int k = labels.size();
        int[] guess = new int[n];
        double[] conf = new double[n];
        int[][] confusion = new int[k][k];
        for (int i = 0; i < n; i++) {
            guess[i] = argmax(probs[i]);
            conf[i] = probs[i][guess[i]];
            confusion[truth[i]][guess[i]]++;
        }
        List<ClassScore> perClass = new ArrayList<>();
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int support = Arrays.stream(confusion[c]).sum();
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = support == 0 ? 0 : (double) tp / support;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            perClass.add(new ClassScore(labels.get(c), p, r, f1, support));
            if (support > 0 || predicted > 0) {
                f1Sum += f1;
                present++;
            }
        }
        double accuracy = n == 0 ? 0 : IntStream.range(0, n).filter(i -> truth[i] == guess[i]).count() / (double) n;
        List<ReliabilityBin> bins = reliability(truth, guess, conf);
        return new HeadScores(head, n, accuracy, present == 0 ? 0 : f1Sum / present, perClass, confusion,
                ece(bins, n), bins, coverage(truth, guess, conf), k == 2 ? rocAuc(truth, probs) : Double.NaN);
    }

    /**
     * Area under the ROC curve of a two-label head: the chance that a unit of the second label
     * scores higher on it than a unit of the first (ties count half; Mann-Whitney).
     *
     * @return the area, or NaN if either label has no unit
     */
    static double rocAuc(int[] truth, double[][] probs) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            (truth[i] == 1 ? pos : neg).add(probs[i][1]);
        }
        if (pos.isEmpty() || neg.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double p : pos) {
            for (double q : neg) {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    /** @return the index of the largest value of a row (the first of equals) */
    public static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    private static List<ReliabilityBin> reliability(int[] truth, int[] guess, double[] conf) {
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double low = (double) b / BINS;
            double high = (double) (b + 1) / BINS;
            int count = 0;
            double confSum = 0;
            int right = 0;
            for (int i = 0; i < truth.length; i++) {
                if (conf[i] >= low && (conf[i] < high || b == BINS - 1)) {
                    count++;
                    confSum += conf[i];
                    right += truth[i] == guess[i] ? 1 : 0;
                }
            }
            bins.add(new ReliabilityBin(low, high, count, count == 0 ? 0 : confSum / count,
                    count == 0 ? 0 : (double) right / count));
        }
        return bins;
    }

    private static double ece(List<ReliabilityBin> bins, int n) {
        return n == 0 ? 0 : bins.stream().mapToDouble(b -> b.count() * Math.abs(b.accuracy() - b.confidence())).sum() / n;
    }

    private static List<CoveragePoint> coverage(int[] truth, int[] guess, double[] conf) {
        Integer[] order = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> conf[i]).reversed());
        List<CoveragePoint> points = new ArrayList<>();
        for (int step = 1; step <= 10 && truth.length > 0; step++) {
            int keep = Math.max(1, (int) Math.round(truth.length * step / 10.0));
            int right = 0;
            for (int j = 0; j < keep; j++) {
                right += truth[order[j]] == guess[order[j]] ? 1 : 0;
            }
            points.add(new CoveragePoint((double) keep / truth.length, (double) right / keep, conf[order[keep - 1]]));
        }
        return points;
    }
}
