package dlbugs.label.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One line of a {@code label-repos} list: a repository (a local path or a clone URL) and the
 * revisions to walk ({@code HEAD}, {@code REV} or {@code A..B}).
 *
 * @param source a path or a URL
 * @param range  revisions, as {@code label-repo --rev} takes them
 */
public record RepoSource(String source, String range) implements Serializable {

    public RepoSource {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a repository line names no repository");
        }
        range = range == null || range.isBlank() ? "HEAD" : range;
    }

    /** @return whether the source is cloned (a URL or scp-like {@code user@host:path}) rather than opened */
    public boolean isRemote() {
        return source.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || source.matches("^[^/]+@[^/:]+:.*");
    }

    /**
     * @return a name for the repository's output directory, stable across runs: the last path
     * component, and a hash of source and range so two lines never share a directory
     */
    public String id() {
        String base = source.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        base = base.substring(Math.max(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')), base.lastIndexOf(':')) + 1);
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return (base.isEmpty() ? "repo" : base) + "-" + hash(source + " " + range);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
