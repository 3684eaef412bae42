package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;

/**
 * Which encoder embeds a report, and what text of it: stored in the bundle so that serving
 * embeds exactly what training did.
 *
 * @param encoder   the sentence encoder
 * @param diffChars how much of the start of the diff is embedded after title and text (0: none)
 * @param maxChars  most characters embedded in all: title and text are cut to leave room for
 *                  the diff's part, which the tokenizer's cut at 512 tokens would otherwise drop
 *                  whenever the prose is long; and a request may carry a megabyte of text, all of
 *                  which the tokenizer would read before cutting
 */
public record EmbeddingConfig(EncoderSpec encoder, int diffChars, int maxChars) {

    /** The start of the diff embedded by default; see {@code docs/model-card.md}. */
    public static final int DEFAULT_DIFF_CHARS = 1000;
    /** About the encoder's 512 tokens of prose and code (code takes more tokens per character). */
    public static final int DEFAULT_MAX_CHARS = 2000;

    public EmbeddingConfig {
        if (encoder == null) {
            throw new IllegalArgumentException("an embedding needs an encoder");
        }
        if (diffChars < 0 || maxChars < 1 || diffChars > maxChars) {
            throw new IllegalArgumentException("need 0 <= diffChars <= maxChars and maxChars >= 1, got "
                    + diffChars + " and " + maxChars);
        }
    }

    /** The default text (see {@link #DEFAULT_DIFF_CHARS} and {@link #DEFAULT_MAX_CHARS}) for an encoder. */
    public static EmbeddingConfig defaults(EncoderSpec encoder) {
        return new EmbeddingConfig(encoder, DEFAULT_DIFF_CHARS, DEFAULT_MAX_CHARS);
    }

    /**
     * @param chars most characters embedded
     * @return this configuration embedding at most that many, the diff's share cut in proportion
     */
    public EmbeddingConfig withMaxChars(int chars) {
        return chars == maxChars ? this : new EmbeddingConfig(encoder, (int) ((long) diffChars * chars / maxChars), chars);
    }

    /**
     * @param report a report
     * @return what is embedded of it: title and text, one per line, cut so that the first
     *         {@link #diffChars} characters of the diff still fit after them within {@link #maxChars}
     */
    public String textOf(BugReport report) {
        String diff = cut(report.diff().strip(), diffChars);
        String prose = (report.title().strip() + "\n" + report.text().strip()).strip();
        prose = cut(prose, maxChars - diff.length() - (diff.isEmpty() || prose.isEmpty() ? 0 : 1));
        return prose.isEmpty() ? diff : diff.isEmpty() ? prose : prose + "\n" + diff;
    }

    private static String cut(String s, int chars) {
        return s.length() > chars ? s.substring(0, Math.max(0, chars)).strip() : s;
    }
}
