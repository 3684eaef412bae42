package dlbugs.triage;

/**
 * A label a plan adds, with what is needed to create it on the repository if it is missing.
 *
 * @param name        the label's text, e.g. {@code dl-type: Data Bug}
 * @param head        the head it answers, or null for the triage label
 * @param confidence  the head's confidence in it, or null for the triage label
 * @param color       its colour, six hex digits
 * @param description what it means (the taxonomy's definition), at most 100 characters
 */
public record PlannedLabel(String name, String head, Double confidence, String color, String description) {

    /** GitHub's limit on a label's description. */
    public static final int MAX_DESCRIPTION = 100;

    public PlannedLabel {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("a GitHub label is 1 to 50 characters, got '" + name + "'");
        }
        description = description == null ? "" : description.length() <= MAX_DESCRIPTION ? description
                : description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
