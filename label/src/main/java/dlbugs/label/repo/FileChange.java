package dlbugs.label.repo;

import java.util.ArrayList;
import java.util.List;

/**
 * One DL-relevant file a commit changes, with its unified diff.
 *
 * @param path      path after the change (before it, for a deletion)
 * @param oldPath   path before the change; differs from {@code path} for a rename
 * @param change    ADD, MODIFY, DELETE, RENAME or COPY
 * @param library   the DL library the file uses
 * @param diff      unified diff text, cut at the scanner's cap
 * @param truncated true if {@code diff} was cut
 */
public record FileChange(String path, String oldPath, String change, String library, String diff, boolean truncated) {

    /** @return the diff with its {@code ---}/{@code +++} lines, as the model reads it */
    public String text() {
        return header() + diff;
    }

    private String header() {
        return "--- a/" + oldPath + "\n+++ b/" + path + "\n";
    }

    /**
     * @return the diff split into hunks, each prefixed with the file's {@code ---}/{@code +++}
     *         lines so it reads as a diff of its own
     */
    public List<String> hunks() {
        String header = header();
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("@@")) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder(header);
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }
}
