package dlbugs.model.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link GithubRef} into the unit the study labelled: the hunk that holds an anchored
 * line (GitHub anchors name a file by the md5 of its path), the whole commit when there is no
 * anchor, or the cached lines around a blob link.
 */
public final class AnchorResolver {

    /** How a reference was resolved; reported by the importer. */
    public enum Resolution { WHOLE_COMMIT, HUNK, NEAREST_HUNK, ANCHOR_FILE_NOT_IN_DIFF, BLOB_LINES }

    /**
     * A resolved unit.
     *
     * @param unitId     identity of the labelled unit (rows naming it are merged)
     * @param groupId    the commit it belongs to (never split across train and test)
     * @param report     its text
     * @param resolution how it was found
     */
    public record Resolved(String unitId, String groupId, BugReport report, Resolution resolution) {
    }

    private final Map<String, CachedCommit> commitsBySha;
    private final Map<String, CachedFileSnippet> snippets;

    /**
     * @param commitsBySha cached commits by full sha
     * @param snippets     cached file snippets by {@link #snippetKey(String, String, int)}
     */
    public AnchorResolver(Map<String, CachedCommit> commitsBySha, Map<String, CachedFileSnippet> snippets) {
        this.commitsBySha = Map.copyOf(commitsBySha);
        this.snippets = Map.copyOf(snippets);
    }

    static String snippetKey(String sha, String path, int line) {
        return sha + "/" + path + "#" + line;
    }

    /**
     * @param ref     a parsed reference
     * @param library the library of the spreadsheet it came from
     * @return the unit, or empty if neither the commit nor the file is cached
     */
    public Optional<Resolved> resolve(GithubRef ref, String library) {
        String group = "gh:" + ref.sha();
        CachedCommit commit = commitsBySha.get(ref.sha());
        if (ref.kind() == GithubRef.Kind.BLOB) {
            CachedFileSnippet s = snippets.get(snippetKey(ref.sha(), ref.path(), ref.line()));
            if (s == null) {
                return Optional.empty();
            }
            String code = "--- a/" + s.path() + "\n+++ b/" + s.path() + "\n" + s.text();
            return Optional.of(new Resolved(group + ":" + s.path() + "#L" + ref.line(), group,
                    report(commit, code, library), Resolution.BLOB_LINES));
        }
        if (commit == null) {
            return Optional.empty();
        }
        if (ref.kind() == GithubRef.Kind.COMMIT) {
            return Optional.of(wholeCommit(commit, library, Resolution.WHOLE_COMMIT));
        }
        UnifiedDiff diff = UnifiedDiff.parse(commit.diff());
        Optional<UnifiedDiff.FileDiff> file = diff.files().stream()
                .filter(f -> ref.pathHash().equals(md5(f.newPath())) || ref.pathHash().equals(md5(f.oldPath())))
                .findFirst();
        if (file.isEmpty() || file.get().hunks().isEmpty()) {
            return Optional.of(wholeCommit(commit, library, Resolution.ANCHOR_FILE_NOT_IN_DIFF));
        }
        List<UnifiedDiff.Hunk> hunks = file.get().hunks();
        UnifiedDiff.Hunk hunk = hunks.stream().filter(h -> h.covers(ref.side(), ref.line())).findFirst()
                .orElse(null);
        Resolution how = Resolution.HUNK;
        if (hunk == null) {
            hunk = hunks.stream().min(Comparator.comparingInt(h -> h.distance(ref.side(), ref.line()))).orElseThrow();
            how = Resolution.NEAREST_HUNK;
        }
        String text = file.get().header() + hunk.text();
        return Optional.of(new Resolved(group + ":" + file.get().path() + "@" + hunk.index(), group,
                report(commit, text, library), how));
    }

    private static Resolved wholeCommit(CachedCommit commit, String library, Resolution how) {
        String group = "gh:" + commit.sha();
        return new Resolved(group, group, report(commit, commit.diff(), library), how);
    }

    private static BugReport report(CachedCommit commit, String diff, String library) {
        return commit == null ? new BugReport("", "", diff, library)
                : new BugReport(commit.subject(), commit.body(), diff, library);
    }

    static String md5(String path) {
        if (path == null) {
            return "";
        }
        try {
            byte[] h = MessageDigest.getInstance("MD5").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
