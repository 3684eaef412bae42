package dlbugs.model.eval;

/**
 * Accuracy when only the most confident answers are kept.
 *
 * @param coverage  share of units kept
 * @param accuracy  accuracy on them
 * @param threshold the lowest confidence kept
 */
public record CoveragePoint(double coverage, double accuracy, double threshold) {
}
