package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;

/**
 * Which encoder embeds a report, and what text of it: stored in the bundle so that serving
 * embeds exactly what training did.
 *
 * @param encoder   the sentence encoder
 * @param diffChars how much of the diff is embedded after title and text (0: none)
 */
public record EmbeddingConfig(EncoderSpec encoder, int diffChars) {

    /** The start of the diff embedded by default; see the README's measurement. */
    public static final int DEFAULT_DIFF_CHARS = 1000;

    public EmbeddingConfig {
        if (encoder == null) {
            throw new IllegalArgumentException("an embedding needs an encoder");
        }
        if (diffChars < 0) {
            throw new IllegalArgumentException("diffChars must be non-negative, got " + diffChars);
        }
    }

    /**
     * @param report a report
     * @return what is embedded of it: title, text and the first {@link #diffChars} characters
     *         of the diff, one per line (blank parts left out)
     */
    public String textOf(BugReport report) {
        StringBuilder b = new StringBuilder(report.title().strip());
        append(b, report.text());
        if (diffChars > 0) {
            append(b, report.diff().length() > diffChars ? report.diff().substring(0, diffChars) : report.diff());
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String part) {
        if (!part.isBlank()) {
            b.append(b.isEmpty() ? "" : "\n").append(part.strip());
        }
    }
}
