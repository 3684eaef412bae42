package dlbugs.model.eval;

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017) on
 * probability rows: {@code p_i^(1/T)} renormalised, which equals dividing the logits by T. The
 * temperature is chosen by minimising the negative log-likelihood of held-out rows over a
 * log-spaced grid; T > 1 softens over-confident answers. The answer (argmax) never changes.
 */
public final class TemperatureScaling {

    private static final double MIN_T = 0.2;
    private static final double MAX_T = 10;
    private static final int GRID = 400;

    private TemperatureScaling() {
    }

    /**
     * @param truth per row, the true label's index
     * @param probs probability rows
     * @return the temperature of least negative log-likelihood, 1 if there are no rows
     */
    public static double fit(int[] truth, double[][] probs) {
        if (truth.length == 0) {
            return 1;
        }
        double best = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int g = 0; g <= GRID; g++) {
            double t = MIN_T * Math.pow(MAX_T / MIN_T, (double) g / GRID);
            double nll = 0;
            for (int i = 0; i < truth.length; i++) {
                nll -= Math.log(Math.max(apply(probs[i], t)[truth[i]], 1e-12));
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }

    /**
     * @param row         a probability row
     * @param temperature a positive temperature
     * @return the rescaled row (a new array summing to 1)
     */
    public static double[] apply(double[] row, double temperature) {
        double[] out = new double[row.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < row.length; j++) {
            out[j] = Math.log(Math.max(row[j], 1e-12)) / temperature;
            max = Math.max(max, out[j]);
        }
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            out[j] = Math.exp(out[j] - max);
            sum += out[j];
        }
        for (int j = 0; j < row.length; j++) {
            out[j] /= sum;
        }
        return out;
    }
}
