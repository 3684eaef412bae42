package dlbugs.model.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a diff as a few words, which tell a fix from a feature or a clean-up better than
 * its tokens do: whether it adds or deletes whole files, whether it only adds lines, how many lines
 * change (1–2, 3–10, 11–50, more), and whether most changed lines are comments or blank.
 */
final class DiffShape {

    private DiffShape() {
    }

    /** @return the diff's shape words, e.g. {@code [new-file, adds-only, lines-51+]} */
    static List<String> of(String diff) {
        int added = 0;
        int removed = 0;
        int quiet = 0;
        boolean newFile = false;
        boolean deletedFile = false;
        for (String line : diff.split("\n")) {
            if (line.startsWith("--- /dev/null") || line.startsWith("new file mode")) {
                newFile = true;
            } else if (line.startsWith("+++ /dev/null") || line.startsWith("deleted file mode")) {
                deletedFile = true;
            } else if (line.startsWith("+++") || line.startsWith("---")) {
                continue;
            } else if (line.startsWith("+") || line.startsWith("-")) {
                if (line.startsWith("+")) {
                    added++;
                } else {
                    removed++;
                }
                String body = line.substring(1).strip();
                if (body.isEmpty() || body.startsWith("#") || body.startsWith("//") || body.startsWith("--")) {
                    quiet++;
                }
            }
        }
        List<String> shape = new ArrayList<>();
        if (newFile) {
            shape.add("new-file");
        }
        if (deletedFile) {
            shape.add("deleted-file");
        }
        int changed = added + removed;
        if (changed > 0 && removed == 0) {
            shape.add("adds-only");
        }
        if (changed > 0 && added == 0) {
            shape.add("removes-only");
        }
        shape.add(changed <= 2 ? "lines-1-2" : changed <= 10 ? "lines-3-10" : changed <= 50 ? "lines-11-50" : "lines-51+");
        if (changed > 0 && quiet * 2 > changed) {
            shape.add("mostly-comments");
        }
        return shape;
    }
}
