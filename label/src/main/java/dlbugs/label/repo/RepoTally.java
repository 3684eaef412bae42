package dlbugs.label.repo;

import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for a repository report: what the walk saw and skipped (this run), and the label
 * distribution of every record in the output (this run's and earlier runs'), per head, label and
 * library; and one {@link CommitRow} per record for the per-commit table (no diffs, no file lists).
 */
public final class RepoTally {

    private final List<Head> heads;
    private long scanned;
    private long candidates;
    private long labelled;
    private long previous;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final Map<String, Long> libraries = new TreeMap<>();
    /** head → label → library → [records, accepted records]. */
    private final Map<String, Map<String, Map<String, long[]>>> labels = new LinkedHashMap<>();
    private final List<CommitRow> rows = new ArrayList<>();
    private final boolean skipNonBugs;
    private long nonBugs;

    /** A tally that counts every record in the tables. */
    public RepoTally(List<Head> heads) {
        this(heads, false);
    }

    /**
     * @param skipNonBugs leave records the model judges not a DL bug ({@code dl_bug}: "Not a DL
     *                    bug") out of the label tables; they are counted apart either way
     */
    public RepoTally(List<Head> heads, boolean skipNonBugs) {
        this.heads = List.copyOf(heads);
        this.skipNonBugs = skipNonBugs;
        heads.forEach(h -> labels.put(h.name(), new LinkedHashMap<>()));
    }

    void scanned() {
        scanned++;
    }

    void candidate() {
        candidates++;
    }

    void skipped(SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Counts a record written by this run ({@code earlier} false) or found in the output file. */
    public void record(LabelRecord r, boolean earlier) {
        if (earlier) {
            previous++;
        } else {
            labelled++;
        }
        rows.add(CommitRow.of(r));
        boolean nonBug = r.heads().stream().anyMatch(h -> h.head().equals(Taxonomy.DL_BUG)
                && h.label().equals(Taxonomy.NOT_DL_BUG));
        nonBugs += nonBug ? 1 : 0;
        if (nonBug && skipNonBugs) {
            return;
        }
        libraries.merge(r.library(), 1L, Long::sum);
        for (LabelRecord.HeadLabel h : r.heads()) {
            long[] c = labels.computeIfAbsent(h.head(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(h.label(), k -> new TreeMap<>())
                    .computeIfAbsent(r.library(), k -> new long[2]);
            c[0]++;
            c[1] += h.accepted() ? 1 : 0;
        }
    }

    public List<Head> heads() {
        return heads;
    }

    /** @return records the model judges not a DL bug (whether or not the tables hold them) */
    public long nonBugCount() {
        return nonBugs;
    }

    /** @return whether the label tables leave out the records judged not a DL bug */
    public boolean skipsNonBugs() {
        return skipNonBugs;
    }

    /** @return commits walked this run */
    public long scannedCount() {
        return scanned;
    }

    /** @return bug-fix commits touching DL code found this run */
    public long candidateCount() {
        return candidates;
    }

    /** @return records written this run */
    public long labelledCount() {
        return labelled;
    }

    /** @return records already in the output file */
    public long previousCount() {
        return previous;
    }

    /** @return all records counted */
    public long records() {
        return labelled + previous - (skipNonBugs ? nonBugs : 0);
    }

    /** @return commits skipped this run, by reason, in the enum's order */
    public Map<SkipReason, Long> skipped() {
        return Map.copyOf(skipped);
    }

    /** @return a row per record counted, newest commit first */
    public List<CommitRow> rows() {
        return rows.stream().sorted(CommitRow.NEWEST_FIRST).toList();
    }

    /** @return records per library, by name */
    public Map<String, Long> libraries() {
        return Map.copyOf(libraries);
    }

    /** @return records of {@code head} with {@code label}, for one library or all ({@code null}) */
    public long count(String head, String label, String library, boolean acceptedOnly) {
        Map<String, long[]> byLib = labels.getOrDefault(head, Map.of()).getOrDefault(label, Map.of());
        return byLib.entrySet().stream().filter(e -> library == null || e.getKey().equals(library))
                .mapToLong(e -> e.getValue()[acceptedOnly ? 1 : 0]).sum();
    }

    /** @return the labels of {@code head}: the taxonomy's order, then any other label seen */
    public List<String> labels(String head) {
        List<String> out = new ArrayList<>(heads.stream().filter(h -> h.name().equals(head))
                .findFirst().map(Head::labels).orElse(List.of()));
        labels.getOrDefault(head, Map.of()).keySet().stream().filter(l -> !out.contains(l)).forEach(out::add);
        return out;
    }
}
