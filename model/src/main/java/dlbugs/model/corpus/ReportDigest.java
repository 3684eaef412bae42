package dlbugs.model.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of a report's text, the same wherever it is computed: the corrections store
 * records it beside each correction, and training matches a correction to the corpus unit of the
 * same report by it. Title, text, diff and library enter it with runs of white space folded to one
 * space and the ends trimmed, so a report pasted with other line endings or indentation is the
 * same report.
 */
public final class ReportDigest {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ReportDigest() {
    }

    /**
     * @param report a report
     * @return the hex SHA-256 (64 characters) of its folded title, text, diff and library
     */
    public static String of(BugReport report) {
        String canonical = fold(report.title()) + '\u0000' + fold(report.text()) + '\u0000' + fold(report.diff())
                + '\u0000' + report.library();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String fold(String s) {
        return SPACE.matcher(s).replaceAll(" ").strip();
    }
}
