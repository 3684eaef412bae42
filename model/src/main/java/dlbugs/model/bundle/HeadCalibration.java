package dlbugs.model.bundle;

/**
 * How to turn one head's softmax into calibrated confidence, and when to trust it; fitted on
 * out-of-fold predictions.
 *
 * @param head        head name
 * @param temperature temperature applied to the softmax (1: unchanged)
 * @param threshold   confidence at or above which the answer may be applied without review; kept to
 *                    the thousandth at or above the one chosen, so that it prints as a person reads
 *                    it (0.745, not 0.7442162438859931) and every reader applies the same one
 * @param precision   held-out precision of answers at or above the threshold
 * @param coverage    held-out share of answers at or above the threshold
 */
public record HeadCalibration(String head, double temperature, double threshold, double precision,
                              double coverage) {
    public HeadCalibration {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0,1], got " + threshold);
        }
        // The 1e-6 keeps a threshold already on the grid (0.74 is 740.0000000000001 thousandths) where it is.
        threshold = Math.ceil(threshold * 1000 - 1e-6) / 1000;
    }

    /** No calibration: temperature 1, threshold 0.5. */
    public static HeadCalibration identity(String head) {
        return new HeadCalibration(head, 1, 0.5, Double.NaN, Double.NaN);
    }
}
