package dlbugs.triage;

/**
 * How one head becomes a GitHub label: label text = prefix + the head's answer.
 *
 * @param head      the head's name, e.g. {@code bug_type}
 * @param prefix    what every label of the head starts with, e.g. {@code "dl-type: "}
 * @param color     the labels' colour, six hex digits without {@code #}
 * @param threshold the confidence from which the answer is applied; null for the bundle's own
 */
public record HeadLabels(String head, String prefix, String color, Double threshold) {
    public HeadLabels {
        if (head == null || head.isBlank()) {
            throw new IllegalArgumentException("a head needs a name");
        }
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("head " + head + " needs a non-blank label prefix");
        }
        if (color == null || !color.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("head " + head + ": a colour is six hex digits, got " + color);
        }
        if (threshold != null && (threshold.isNaN() || threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("head " + head + ": a threshold is in [0, 1], got " + threshold);
        }
    }

    /** @return the label for one of the head's answers */
    public String label(String answer) {
        return prefix + answer;
    }

    /** @return true if the label belongs to this head */
    public boolean owns(String label) {
        return label.startsWith(prefix);
    }

    /** @return a copy with another threshold */
    public HeadLabels withThreshold(Double t) {
        return new HeadLabels(head, prefix, color, t);
    }

    /** @return a copy with another prefix */
    public HeadLabels withPrefix(String p) {
        return new HeadLabels(head, p, color, threshold);
    }
}
