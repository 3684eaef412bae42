package dlbugs.corrections;

/**
 * What recording a correction did.
 *
 * @param id      the correction's id
 * @param created true if this call created it, false if it was there already
 */
public record Recorded(long id, boolean created) {
}
