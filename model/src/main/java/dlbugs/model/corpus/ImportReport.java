package dlbugs.model.corpus;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the importer read, joined, dropped and kept, for people and for a bundle's provenance.
 *
 * @param rowsRead      label rows read, by file kind
 * @param rowsJoined    gold label rows joined to a unit's text
 * @param rowsDropped   gold rows dropped, by reason
 * @param labelsDropped single label values dropped (the row's other heads kept), by reason
 * @param notes         other counts: permuted rows, anchor resolutions, title-only kept
 * @param goldUnits     distinct gold units
 * @param silverUnits   distinct silver units (simba2024 questions and the labelled JSON-lines sources)
 * @param unitsBySource quality/source (e.g. {@code silver/github_issues}) → distinct units
 * @param notDlBugUnits units their source says are not DL bugs, kept without labels
 * @param classCounts   quality/source → head → majority label → units
 */
public record ImportReport(Map<String, Integer> rowsRead, int rowsJoined, Map<String, Integer> rowsDropped,
                           Map<String, Integer> labelsDropped, Map<String, Integer> notes, int goldUnits,
                           int silverUnits, Map<String, Integer> unitsBySource, int notDlBugUnits,
                           Map<String, Map<String, Map<String, Integer>>> classCounts) {

    public ImportReport {
        rowsRead = Map.copyOf(rowsRead);
        rowsDropped = Map.copyOf(rowsDropped);
        labelsDropped = Map.copyOf(labelsDropped);
        notes = Map.copyOf(notes);
        unitsBySource = Map.copyOf(unitsBySource);
        classCounts = Map.copyOf(classCounts);
    }

    /** @return the total of rows dropped for every reason */
    public int totalDropped() {
        return rowsDropped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return a multi-line human-readable report: one count a line, right-aligned, then what it counts */
    public String toText() {
        StringBuilder b = new StringBuilder();
        section(b, "rows read", rowsRead);
        b.append("gold rows joined to text: ").append(rowsJoined).append('\n');
        section(b, "gold rows dropped: " + totalDropped(), rowsDropped);
        section(b, "label values dropped (other heads of the row kept): "
                + labelsDropped.values().stream().mapToInt(Integer::intValue).sum(), labelsDropped);
        section(b, "notes", notes);
        section(b, "distinct units: gold " + goldUnits + ", silver " + silverUnits, unitsBySource);
        b.append(String.format("%7d  not a DL bug (kept without labels)%n", notDlBugUnits));
        new TreeMap<>(classCounts).forEach((part, byHead) -> new TreeMap<>(byHead).forEach((head, c) -> {
            if (c.isEmpty()) {
                return;
            }
            b.append(part).append(' ').append(head).append(" (")
                    .append(c.values().stream().mapToInt(Integer::intValue).sum()).append("): ");
            c.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
            b.setLength(b.length() - 2);
            b.append('\n');
        }));
        return b.toString();
    }

    private static void section(StringBuilder b, String title, Map<String, Integer> counts) {
        b.append(title).append(counts.isEmpty() ? "" : ":").append('\n');
        new TreeMap<>(counts).forEach((k, v) -> b.append(String.format("%7d  %s%n", v, k)));
    }
}
