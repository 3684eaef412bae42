package dlbugs.label.study;

import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.model.corpus.LabelSheets;
import dlbugs.model.taxonomy.LabelNormalizer;
import dlbugs.model.taxonomy.Taxonomy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The label distribution of Islam et al. 2019, counted from every bug of the study's labelled
 * spreadsheets ({@code dataset.zip}), with or without a text this project could fetch, a row
 * repeating an earlier one counted as the authors count it: per head
 * the sheets label (bug type and its top level, root cause, effect), per library, per label. It
 * is what a repository report sets new shares beside.
 */
public final class StudyShares {

    private static final List<String> COLUMNS = List.of(Taxonomy.BUG_TYPE, Taxonomy.ROOT_CAUSE, Taxonomy.EFFECT);

    /** head → library → label → bugs. */
    private final Map<String, Map<String, Map<String, Long>>> counts;
    private final Map<String, Long> bugs;

    private StudyShares(Map<String, Map<String, Map<String, Long>>> counts, Map<String, Long> bugs) {
        this.counts = counts;
        this.bugs = bugs;
    }

    /**
     * @param datasetZip the study's {@code dataset.zip}
     * @return the study's counts
     * @throws CorpusFormatException if the workbooks cannot be read
     */
    public static StudyShares read(Path datasetZip) throws CorpusFormatException {
        return read(datasetZip, row -> true);
    }

    /**
     * @param datasetZip the study's {@code dataset.zip}
     * @param which      the rows to count (say, one source's)
     * @return the study's counts over those rows
     * @throws CorpusFormatException if the workbooks cannot be read
     */
    public static StudyShares read(Path datasetZip, Predicate<LabelSheets.SheetRow> which) throws CorpusFormatException {
        LabelNormalizer normalizer = new LabelNormalizer(Taxonomy.islam2019());
        Map<String, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();
        Map<String, Long> bugs = new TreeMap<>();
        for (LabelSheets.SheetRow row : LabelSheets.readStudyRows(datasetZip, COLUMNS.size())) {
            // Every row is one of the study's bugs, a row repeating another too: its 970 and its pivot tables count them so.
            if (!which.test(row)) {
                continue;
            }
            bugs.merge(row.library(), 1L, Long::sum);
            add(counts, Taxonomy.DL_BUG, row.library(), Taxonomy.IS_DL_BUG);
            for (String raw : row.cells()) {
                Optional<LabelNormalizer.HeadLabel> hl = raw.isBlank() ? Optional.empty() : normalizer.classify(raw);
                hl.filter(h -> COLUMNS.contains(h.head())).ifPresent(h -> {
                    add(counts, h.head(), row.library(), h.label());
                    if (h.head().equals(Taxonomy.BUG_TYPE)) {
                        add(counts, Taxonomy.BUG_TYPE_TOP, row.library(), Taxonomy.topLevel(h.label()));
                    }
                });
            }
        }
        return new StudyShares(counts, bugs);
    }

    private static void add(Map<String, Map<String, Map<String, Long>>> counts, String head, String lib, String label) {
        counts.computeIfAbsent(head, k -> new TreeMap<>()).computeIfAbsent(lib, k -> new TreeMap<>())
                .merge(label, 1L, Long::sum);
    }

    /** @return whether the study labels this head */
    public boolean covers(String head) {
        return counts.containsKey(head);
    }

    /** @return bugs of a library (null: all) */
    public long bugs(String library) {
        return library == null ? bugs.values().stream().mapToLong(Long::longValue).sum() : bugs.getOrDefault(library, 0L);
    }

    /** @return bugs of a library (null: all) the study gave {@code label} for {@code head} */
    public long count(String head, String library, String label) {
        return counts.getOrDefault(head, Map.of()).entrySet().stream()
                .filter(e -> library == null || e.getKey().equals(library))
                .mapToLong(e -> e.getValue().getOrDefault(label, 0L)).sum();
    }

    /** @return the study's share of {@code label} among a library's bugs (null: all), or empty if the head is not covered */
    public Optional<Double> share(String head, String library, String label) {
        long n = bugs(library);
        return covers(head) && n > 0 ? Optional.of((double) count(head, library, label) / n) : Optional.empty();
    }

    /** @return the libraries of the study, by name */
    public List<String> libraries() {
        return List.copyOf(bugs.keySet());
    }
}
