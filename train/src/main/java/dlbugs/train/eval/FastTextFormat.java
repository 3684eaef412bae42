package dlbugs.train.eval;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.taxonomy.Head;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * fastText's supervised text format in both directions. A labelled unit becomes one training line
 * ({@code __label__<label> <text>}) and a report becomes one test line. A {@code predict-prob}
 * output line becomes a probability row in a head's label order.
 */
final class FastTextFormat {

    /** Longest text kept per unit; diffs can run to megabytes. */
    static final int MAX_CHARS = 20_000;
    private static final String PREFIX = "__label__";

    private FastTextFormat() {
    }

    /** @return the label's fastText token; fastText splits on whitespace, so spaces become underscores */
    static String label(String label) {
        return PREFIX + label.replace(' ', '_');
    }

    /** @return one training line: the label token, then the report's text */
    static String trainingLine(String label, BugReport report) {
        return label(label) + " " + text(report);
    }

    /**
     * @return title, text and diff as one lower-case line, whitespace collapsed, at most
     *         {@link #MAX_CHARS}; empty for a blank report (fastText still answers an empty line)
     */
    static String text(BugReport report) {
        String t = (report.title() + " " + report.text() + " " + report.diff()).toLowerCase(Locale.ROOT)
                // fastText reads any word starting with the prefix as a label, wherever it is
                .replace(PREFIX, "label ")
                .replaceAll("\\s+", " ").strip();
        if (t.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(t.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            t = t.substring(0, end).strip();
        }
        return t;
    }

    /** @return label token → column, in the head's label order */
    static Map<String, Integer> columns(Head head) {
        Map<String, Integer> columns = new HashMap<>();
        for (int l = 0; l < head.size(); l++) {
            columns.put(label(head.labels().get(l)), l);
        }
        return Map.copyOf(columns);
    }

    /**
     * @param line    one line of {@code predict-prob ... -1}: {@code __label__a 0.9 __label__b 0.1}
     * @param columns the head's label columns from {@link #columns(Head)}
     * @return the probabilities in column order, summing to 1; labels absent from the line get 0, and
     *         a line with no known label gives a uniform row
     */
    static double[] row(String line, Map<String, Integer> columns) {
        double[] row = new double[columns.size()];
        String[] parts = line.strip().split("\\s+");
        for (int k = 0; k + 1 < parts.length; k += 2) {
            Integer column = columns.get(parts[k]);
            if (column != null) {
                row[column] += Double.parseDouble(parts[k + 1]);
            }
        }
        double sum = Arrays.stream(row).sum();
        if (sum <= 0) {
            return uniform(row.length);
        }
        // fastText prints rounded probabilities (1.00001 for a single label)
        for (int l = 0; l < row.length; l++) {
            row[l] /= sum;
        }
        return row;
    }

    /** @return k equal probabilities */
    static double[] uniform(int k) {
        double[] row = new double[k];
        Arrays.fill(row, 1.0 / k);
        return row;
    }
}
