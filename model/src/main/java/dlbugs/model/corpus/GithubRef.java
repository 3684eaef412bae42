package dlbugs.model.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed GitHub reference from the study's spreadsheets. Three forms occur:
 * {@code .../commit/<sha>} (the whole commit), {@code .../commit/<sha>#diff-<md5 of path><L|R><line>}
 * (one line of the diff: L on the old side, R on the new side) and
 * {@code .../blob/<sha>/<path>#L<line>} (a line of a file at that commit). A commit link with
 * an anchor that names no file ({@code #L117}) is taken as the whole commit.
 *
 * @param repo     owner/name
 * @param sha      commit id (lower case)
 * @param kind     which form
 * @param pathHash md5 of the file path (ANCHOR only)
 * @param side     'L' or 'R' (ANCHOR only)
 * @param path     file path (BLOB only)
 * @param line     anchored line number, or 0 for COMMIT
 */
public record GithubRef(String repo, String sha, Kind kind, String pathHash, char side, String path, int line) {

    /** The form of a reference. */
    public enum Kind { COMMIT, ANCHOR, BLOB }

    private static final Pattern COMMIT = Pattern.compile(
            "https?://github\\.com/([^/]+/[^/]+)/commit/([0-9a-fA-F]{7,40})(?:#(?:diff-([0-9a-f]{32})([LR])(\\d+)|.*))?");
    private static final Pattern BLOB = Pattern.compile(
            "https?://github\\.com/([^/]+/[^/]+)/blob/([0-9a-fA-F]{7,40})/([^#]+)#L(\\d+)");

    /**
     * @param url a reference as written in a spreadsheet (surrounding space is ignored)
     * @return the parsed reference
     * @throws IllegalArgumentException if the URL is not one of the three forms
     */
    public static GithubRef parse(String url) {
        String u = url.strip();
        Matcher m = COMMIT.matcher(u);
        if (m.matches()) {
            String sha = m.group(2).toLowerCase();
            if (m.group(3) == null) {
                return new GithubRef(m.group(1), sha, Kind.COMMIT, null, ' ', null, 0);
            }
            return new GithubRef(m.group(1), sha, Kind.ANCHOR, m.group(3), m.group(4).charAt(0), null,
                    Integer.parseInt(m.group(5)));
        }
        m = BLOB.matcher(u);
        if (m.matches()) {
            return new GithubRef(m.group(1), m.group(2).toLowerCase(), Kind.BLOB, null, ' ', m.group(3),
                    Integer.parseInt(m.group(4)));
        }
        throw new IllegalArgumentException("not a GitHub commit or blob link: " + url);
    }
}
