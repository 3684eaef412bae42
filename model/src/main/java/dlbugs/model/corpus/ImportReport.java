package dlbugs.model.corpus;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the importer read, joined, dropped and kept, for people and for a bundle's provenance.
 *
 * @param rowsRead          label rows read, by file kind
 * @param rowsJoined        gold label rows joined to a unit's text
 * @param rowsDropped       gold rows dropped, by reason
 * @param labelsDropped     single label values dropped (the row's other heads kept), by reason
 * @param notes             other counts: permuted rows, anchor resolutions, title-only kept
 * @param goldUnits         distinct gold units
 * @param silverUnits       distinct silver units (simba2024 questions and GitHub issues)
 * @param unitsBySource     quality/source (e.g. {@code silver/github_issues}) → distinct units
 * @param notDlBugUnits     units their source says are not DL bugs, kept without labels
 * @param goldClassCounts   head → majority label → gold units
 * @param silverClassCounts head → majority label → silver Stack Overflow (simba2024) questions
 * @param issueClassCounts  head → majority label → GitHub issues
 */
public record ImportReport(Map<String, Integer> rowsRead, int rowsJoined, Map<String, Integer> rowsDropped,
                           Map<String, Integer> labelsDropped, Map<String, Integer> notes, int goldUnits,
                           int silverUnits, Map<String, Integer> unitsBySource, int notDlBugUnits,
                           Map<String, Map<String, Integer>> goldClassCounts,
                           Map<String, Map<String, Integer>> silverClassCounts,
                           Map<String, Map<String, Integer>> issueClassCounts) {

    public ImportReport {
        rowsRead = Map.copyOf(rowsRead);
        rowsDropped = Map.copyOf(rowsDropped);
        labelsDropped = Map.copyOf(labelsDropped);
        notes = Map.copyOf(notes);
        unitsBySource = Map.copyOf(unitsBySource);
        goldClassCounts = Map.copyOf(goldClassCounts);
        silverClassCounts = Map.copyOf(silverClassCounts);
        issueClassCounts = Map.copyOf(issueClassCounts);
    }

    /** @return the total of rows dropped for every reason */
    public int totalDropped() {
        return rowsDropped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return a multi-line human-readable report */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("rows read: ").append(new TreeMap<>(rowsRead)).append('\n');
        b.append("gold rows joined to text: ").append(rowsJoined).append('\n');
        b.append("gold rows dropped: ").append(totalDropped()).append('\n');
        new TreeMap<>(rowsDropped).forEach((k, v) -> b.append("  ").append(v).append("  ").append(k).append('\n'));
        b.append("label values dropped (other heads of the row kept): ")
                .append(labelsDropped.values().stream().mapToInt(Integer::intValue).sum()).append('\n');
        new TreeMap<>(labelsDropped).forEach((k, v) -> b.append("  ").append(v).append("  ").append(k).append('\n'));
        b.append("notes:\n");
        new TreeMap<>(notes).forEach((k, v) -> b.append("  ").append(v).append("  ").append(k).append('\n'));
        b.append("distinct units: gold ").append(goldUnits).append(", silver ").append(silverUnits).append('\n');
        new TreeMap<>(unitsBySource).forEach((k, v) -> b.append("  ").append(v).append("  ").append(k).append('\n'));
        b.append("  ").append(notDlBugUnits).append("  not a DL bug (kept without labels)").append('\n');
        appendCounts(b, "gold", goldClassCounts);
        appendCounts(b, "silver/stackoverflow", silverClassCounts);
        appendCounts(b, "silver/github_issues", issueClassCounts);
        return b.toString();
    }

    private static void appendCounts(StringBuilder b, String part, Map<String, Map<String, Integer>> counts) {
        new TreeMap<>(counts).forEach((head, c) -> {
            b.append(part).append(' ').append(head).append(" (")
                    .append(c.values().stream().mapToInt(Integer::intValue).sum()).append("): ");
            c.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> b.append(e.getKey()).append('=').append(e.getValue()).append(' '));
            b.append('\n');
        });
    }
}
