package dlbugs.model.rules;

import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides from a diff alone that a commit fixes no DL bug: every line it changes is a comment, a
 * docstring, whitespace, the text of a string in a print or log call, prose of a documentation
 * file, or a line of a file that is not code (an image, a licence, {@code .gitignore}). Code
 * examples in documentation are compared as code, since wrong documentation can be a DL bug; a
 * configuration file (YAML, JSON, requirements) is never judged, since a changed learning rate or
 * version pin can fix one. A hunk that starts inside a docstring is recognised when the lines before
 * its first triple quote are prose. On the corpus' commits, it recognises 11 of the 51 that are
 * not DL bug fixes and none of the 122 that are, nor any of the study's 137 commits. It judges what
 * it is given: one hunk of a fix may be cosmetic on its own (two of the study's labelled hunks are).
 */
public final class CosmeticDiff {

    private static final Pattern NOT_CODE = Pattern.compile(
            "(?i)(\\.(png|jpe?g|gif|svg|pdf|ico)$|(^|/)(license|licence|authors|contributors|changelog|\\.gitignore|\\.gitattributes)[^/]*$)");
    private static final Pattern DOCS = Pattern.compile("(?i)(\\.(md|rst|markdown|adoc|tex|html?)$|(^|/)(?!requirements)[^/]*\\.txt$)");
    private static final Pattern LOG_CALL = Pattern.compile("^\\s*(print\\s*\\(|print\\s+[\"']|logging\\.\\w+\\(|logger\\.\\w+\\(|"
            + "log\\.\\w+\\(|self\\.log\\w*\\(|warnings\\.warn\\(|tqdm\\.write\\(|sys\\.std(out|err)\\.write\\()");
    private static final Pattern STRING = Pattern.compile("[rbfuRBFU]{0,2}(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')");
    private static final Pattern CODE = Pattern.compile("\\w\\s*\\(|=|[\\[\\]{}]|\\bimport\\b|^\\s*(def|class|if|for|while|with|try|"
            + "except|elif|else|return|raise|yield|pass|break|continue|del|assert|global|nonlocal|lambda|await|async|from)\\b"
            + "|:\\s*$|^\\s*@");
    private static final Pattern SECTION = Pattern.compile("[A-Z]\\w*( \\w+)?:");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern TRIPLE_QUOTE = Pattern.compile("\"\"\"|'''");

    /** What a person reads in the answer's explanation when the rule decides. */
    public static final String REASON = "the diff changes only comments, docstrings, whitespace, strings in print or log "
            + "calls or files that are not code: it fixes no DL bug";

    private CosmeticDiff() {
    }

    /**
     * @param dlBugLabels the labels of the {@code dl_bug} head, in output order
     * @return the head's probability row when the rule decides: all of it on "Not a DL bug"
     */
    public static double[] notADlBug(List<String> dlBugLabels) {
        double[] row = new double[dlBugLabels.size()];
        row[dlBugLabels.indexOf(Taxonomy.NOT_DL_BUG)] = 1;
        return row;
    }

    /**
     * @param diff a unified diff (with or without {@code diff --git} headers); may be empty
     * @return {@link #REASON} if the diff changes something and all of it is cosmetic, else empty
     */
    public static Optional<String> reason(String diff) {
        if (diff == null || diff.isBlank()) {
            return Optional.empty();
        }
        boolean changed = false;
        for (DiffFile file : DiffFile.parse(diff)) {
            if (file.hunks().stream().noneMatch(Hunk::changes)) {
                continue;
            }
            changed = true;
            if (!cosmetic(file)) {
                return Optional.empty();
            }
        }
        return changed ? Optional.of(REASON) : Optional.empty();
    }

    private static boolean cosmetic(DiffFile file) {
        if (file.path() != null && NOT_CODE.matcher(file.path()).find()) {
            return true;
        }
        if (file.path() != null && DOCS.matcher(file.path()).find()) {
            return file.hunks().stream().allMatch(h -> codeOf(h, '-').equals(codeOf(h, '+')));
        }
        return file.hunks().stream().allMatch(CosmeticDiff::cosmetic);
    }

    /** In a documentation file: the code-like lines a side changes, normalised. */
    private static String codeOf(Hunk hunk, char side) {
        StringBuilder b = new StringBuilder();
        hunk.lines().stream().filter(l -> l.kind() == side && !prose(l.text())).forEach(l -> b.append(normalise(l.text())));
        return b.toString();
    }

    private static boolean cosmetic(Hunk hunk) {
        if (!hunk.changes()) {
            return true;
        }
        Boolean inside = startsInsideDocstring(hunk);
        if (inside == null) {
            // no docstring boundary in sight: changed prose may sit inside one
            return significant(hunk, '-', false).equals(significant(hunk, '+', false))
                    || hunk.lines().stream().allMatch(l -> prose(l.text()));
        }
        return significant(hunk, '-', inside).equals(significant(hunk, '+', inside));
    }

    /** @return true or false if the first triple quote of the hunk opens or closes a docstring; null if it has none */
    private static Boolean startsInsideDocstring(Hunk hunk) {
        for (Line l : hunk.lines()) {
            if (TRIPLE_QUOTE.matcher(l.text()).find()) {
                String s = l.text().strip();
                return !(s.startsWith("\"\"\"") || s.startsWith("'''")) || s.equals("\"\"\"") || s.equals("'''");
            }
            if (!prose(l.text())) {
                return false;
            }
        }
        return null;
    }

    /** One side's changed lines that mean something to the program, normalised, in order. */
    private static String significant(Hunk hunk, char side, boolean startsInside) {
        StringBuilder b = new StringBuilder();
        boolean inside = startsInside;
        for (Line l : hunk.lines()) {
            if (l.kind() != ' ' && l.kind() != side) {
                continue;
            }
            int quotes = (int) TRIPLE_QUOTE.matcher(l.text()).results().count();
            if (l.kind() == side && !inside && quotes == 0) {
                b.append(normalise(l.text()));
            }
            if (quotes % 2 == 1) {
                inside = !inside;
            }
        }
        return b.toString();
    }

    private static String normalise(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("--") || t.startsWith("//")) {
            return "";
        }
        t = withoutComment(t);
        if (LOG_CALL.matcher(t).find()) {
            t = STRING.matcher(t).replaceAll("\"\"");
        }
        return t.replaceAll("\\s+", "");
    }

    /** @return the line up to a {@code #} that is not inside a string */
    private static String withoutComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** @return true for a blank line, a section header ("Args:") or words with no sign of code */
    static boolean prose(String line) {
        String t = line.strip();
        if (t.isEmpty() || SECTION.matcher(t).matches()) {
            return true;
        }
        return !CODE.matcher(t).find() && WORD.matcher(t).results().count() >= 3;
    }

    /** A line of a hunk: its kind (' ', '-' or '+') and its text. */
    record Line(char kind, String text) {
    }

    /** A hunk's lines, in order. */
    record Hunk(List<Line> lines) {
        boolean changes() {
            return lines.stream().anyMatch(l -> l.kind() != ' ');
        }
    }

    /** A file of a diff: its path (null if the diff names none) and its hunks. */
    record DiffFile(String path, List<Hunk> hunks) {

        /**
         * Splits a diff into files and hunks. A file starts at {@code diff --git}, or at a
         * {@code ---} line followed by a {@code +++} line (a diff pasted without git's headers);
         * other lines outside a hunk are headers.
         */
        static List<DiffFile> parse(String diff) {
            String[] lines = diff.split("\n", -1);
            List<DiffFile> files = new ArrayList<>();
            List<Line> hunk = null;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                boolean pair = line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ");
                if (line.startsWith("diff --git ") || pair && (hunk != null || files.isEmpty())) {
                    files.add(new DiffFile(pathOf(line, null), new ArrayList<>()));
                    hunk = null;
                }
                if (pair || line.startsWith("+++ ") && hunk == null && !files.isEmpty()) {
                    DiffFile last = files.get(files.size() - 1);
                    files.set(files.size() - 1, new DiffFile(pathOf(line, last.path()), last.hunks()));
                } else if (line.startsWith("@@")) {
                    if (files.isEmpty()) {
                        files.add(new DiffFile(null, new ArrayList<>()));
                    }
                    hunk = new ArrayList<>();
                    files.get(files.size() - 1).hunks().add(new Hunk(hunk));
                } else if (hunk != null && !line.isEmpty() && " +-".indexOf(line.charAt(0)) >= 0) {
                    hunk.add(new Line(line.charAt(0), line.substring(1)));
                }
            }
            return files;
        }

        private static String pathOf(String header, String current) {
            if (header.startsWith("diff --git ")) {
                int b = header.lastIndexOf(" b/");
                return b > 0 ? header.substring(b + 3) : current;
            }
            if (!header.startsWith("--- ") && !header.startsWith("+++ ")) {
                return current;
            }
            String p = header.substring(4).strip();
            if (p.equals("/dev/null")) {
                return current;
            }
            p = p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
            return header.startsWith("+++ ") || current == null ? p : current;
        }
    }
}
