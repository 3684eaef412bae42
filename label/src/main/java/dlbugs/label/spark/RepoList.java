package dlbugs.label.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a {@code label-repos} list: one repository a line, {@code SOURCE [RANGE]}; blank lines and {@code #} comments skipped. */
public final class RepoList {

    private RepoList() {
    }

    /**
     * @param file the list
     * @return its repositories, in order, each once
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if a line has more than two fields, or two lines name one output
     */
    public static List<RepoSource> read(Path file) throws IOException {
        List<RepoSource> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split("\\s+");
            if (f.length > 2) {
                throw new IllegalArgumentException(file + ":" + n + ": expected 'SOURCE [RANGE]', got '" + s + "'");
            }
            RepoSource r = new RepoSource(f[0], f.length > 1 ? f[1] : null);
            if (ids.add(r.id())) {
                out.add(r);
            }
        }
        return out;
    }
}
