package dlbugs.model.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff in {@code git show} format split into files and hunks, so that a line
 * anchor can be resolved to the hunk that holds it.
 *
 * @param files the files of the diff, in order
 */
public record UnifiedDiff(List<FileDiff> files) {

    public UnifiedDiff {
        files = List.copyOf(files);
    }

    /** One file of a diff: its old and new paths, its header lines and its hunks. */
    public record FileDiff(String oldPath, String newPath, String header, List<Hunk> hunks) {
        public FileDiff {
            hunks = List.copyOf(hunks);
        }

        /** @return the new path, or the old one for a deleted file */
        public String path() {
            return newPath != null ? newPath : oldPath;
        }
    }

    /**
     * One hunk: its ranges on both sides and its text (the {@code @@} line and the body).
     */
    public record Hunk(int index, int oldStart, int oldCount, int newStart, int newCount, String text) {

        /** @return true if the hunk covers {@code line} on the given side ('L' old, 'R' new) */
        public boolean covers(char side, int line) {
            int start = side == 'L' ? oldStart : newStart;
            int count = side == 'L' ? oldCount : newCount;
            return line >= start && line < start + Math.max(count, 1);
        }

        /** @return how far {@code line} lies from this hunk's range on the given side */
        public int distance(char side, int line) {
            int start = side == 'L' ? oldStart : newStart;
            int end = start + Math.max(side == 'L' ? oldCount : newCount, 1) - 1;
            return line < start ? start - line : Math.max(0, line - end);
        }
    }

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    /**
     * Parses a diff. Lines before the first {@code diff --git} (a commit header) are ignored.
     *
     * @param diff the text of a unified diff; may be empty
     * @return its files and hunks
     */
    public static UnifiedDiff parse(String diff) {
        List<FileDiff> files = new ArrayList<>();
        FileBuilder file = null;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                if (file != null) {
                    files.add(file.build());
                }
                file = new FileBuilder(line);
            } else if (file != null) {
                file.accept(line);
            }
        }
        if (file != null) {
            files.add(file.build());
        }
        return new UnifiedDiff(files);
    }

    private static final class FileBuilder {
        private String oldPath;
        private String newPath;
        private final StringBuilder header = new StringBuilder();
        private final List<Hunk> hunks = new ArrayList<>();
        private int[] range;
        private StringBuilder body;

        FileBuilder(String gitLine) {
            header.append(gitLine).append('\n');
            // "diff --git a/x b/y": a fallback when no ---/+++ lines follow (binary, mode change)
            int b = gitLine.lastIndexOf(" b/");
            if (b > 0) {
                oldPath = gitLine.substring("diff --git a/".length(), b);
                newPath = gitLine.substring(b + 3);
            }
        }

        void accept(String line) {
            Matcher m = HUNK.matcher(line);
            if (m.matches()) {
                closeHunk();
                range = new int[] {Integer.parseInt(m.group(1)), count(m.group(2)),
                        Integer.parseInt(m.group(3)), count(m.group(4))};
                body = new StringBuilder(line).append('\n');
            } else if (body != null) {
                body.append(line).append('\n');
            } else {
                header.append(line).append('\n');
                if (line.startsWith("--- ")) {
                    oldPath = strip(line.substring(4), "a/");
                } else if (line.startsWith("+++ ")) {
                    newPath = strip(line.substring(4), "b/");
                }
            }
        }

        private static int count(String group) {
            return group == null ? 1 : Integer.parseInt(group);
        }

        private static String strip(String path, String prefix) {
            String p = path.strip();
            if (p.equals("/dev/null")) {
                return null;
            }
            return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
        }

        private void closeHunk() {
            if (body != null) {
                hunks.add(new Hunk(hunks.size(), range[0], range[1], range[2], range[3], body.toString()));
            }
        }

        FileDiff build() {
            closeHunk();
            return new FileDiff(oldPath, newPath, header.toString(), hunks);
        }
    }
}
