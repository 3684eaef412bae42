package dlbugs.model.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dlbugs.model.corpus.ReportKind;

import java.util.Map;
import java.util.TreeMap;

/**
 * How to turn one head's softmax into calibrated confidence, and when to trust it; fitted on
 * out-of-fold predictions. The head-wide figures hold for any report; {@code kinds} holds a
 * temperature and threshold per kind of report (issue, question, commit) where the held-out data
 * had enough of that kind, as the model is more or less sure on each.
 *
 * @param head        head name
 * @param temperature temperature applied to the softmax (1: unchanged)
 * @param threshold   confidence at or above which the answer may be applied without review
 * @param precision   held-out precision of answers at or above the threshold
 * @param coverage    held-out share of answers at or above the threshold
 * @param kinds       kind label ({@code issue}, ...) → its own calibration; empty in bundles before them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HeadCalibration(String head, double temperature, double threshold, double precision,
                              double coverage, Map<String, KindCalibration> kinds) {
    public HeadCalibration {
        check(temperature, threshold);
        kinds = kinds == null ? Map.of() : Map.copyOf(new TreeMap<>(kinds));
    }

    /** A calibration that is the same for every kind of report. */
    public HeadCalibration(String head, double temperature, double threshold, double precision, double coverage) {
        this(head, temperature, threshold, precision, coverage, Map.of());
    }

    /** No calibration: temperature 1, threshold 0.5. */
    public static HeadCalibration identity(String head) {
        return new HeadCalibration(head, 1, 0.5, Double.NaN, Double.NaN);
    }

    /** @return the calibration of a kind of report: its own, or the head-wide one */
    public KindCalibration of(ReportKind kind) {
        KindCalibration own = kinds.get(kind.label());
        return own != null ? own : new KindCalibration(temperature, threshold, precision, coverage, 0, Double.NaN, Double.NaN);
    }

    /**
     * One kind's calibration.
     *
     * @param temperature temperature for reports of the kind
     * @param threshold   their acceptance threshold
     * @param precision   precision of their out-of-fold answers at or above it, on the reports it was
     *                    chosen on, so at least the target (NaN: none reached the target)
     * @param coverage    share of those answers at or above it
     * @param n           held-out reports of the kind it was chosen on (0: the head-wide figures)
     * @param heldOutPrecision precision of the answers accepted when the threshold is chosen on one
     *                    half of those reports (split by group) and applied to the other, both ways
     *                    pooled: what to expect of a report that chose nothing (NaN: none accepted,
     *                    or not measured)
     * @param heldOutCoverage the share of the reports accepted that way
     */
    public record KindCalibration(double temperature, double threshold, double precision, double coverage, int n,
                                  double heldOutPrecision, double heldOutCoverage) {
        public KindCalibration {
            check(temperature, threshold);
        }
    }

    private static void check(double temperature, double threshold) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0,1], got " + threshold);
        }
    }
}
