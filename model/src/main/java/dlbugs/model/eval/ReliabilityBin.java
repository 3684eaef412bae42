package dlbugs.model.eval;

/**
 * One bin of a reliability diagram: units whose confidence falls in [low, high).
 *
 * @param low        bin start
 * @param high       bin end
 * @param count      units in the bin
 * @param confidence their mean confidence
 * @param accuracy   share of them answered right
 */
public record ReliabilityBin(double low, double high, int count, double confidence, double accuracy) {
}
