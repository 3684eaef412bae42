package dlbugs.model.eval;

/**
 * Precision, recall and F1 of one label.
 *
 * @param label     the label
 * @param precision share of units predicted as {@code label} that are
 * @param recall    share of units that are {@code label} predicted as such
 * @param f1        harmonic mean of the two
 * @param support   units whose truth is {@code label}
 */
public record ClassScore(String label, double precision, double recall, double f1, int support) {
}
