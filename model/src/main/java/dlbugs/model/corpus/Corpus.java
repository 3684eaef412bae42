package dlbugs.model.corpus;

import java.util.List;
import java.util.Map;

/**
 * The imported corpus: gold, silver and corrected units, kept apart by {@link LabelledItem#quality()},
 * with the report of how they were read.
 *
 * @param items       all units
 * @param report      what was read, dropped and kept
 * @param hash        SHA-256 over the source files (and the corrections merged), for provenance
 * @param links       unit id → where a person can read it
 * @param corrections the corrections merged ({@link CorrectionsUsed#NONE} for none)
 */
public record Corpus(List<LabelledItem> items, ImportReport report, String hash, Map<String, String> links,
                     CorrectionsUsed corrections) {
    public Corpus {
        items = List.copyOf(items);
        links = Map.copyOf(links);
        corrections = corrections == null ? CorrectionsUsed.NONE : corrections;
    }

    /** A corpus that merged no correction. */
    public Corpus(List<LabelledItem> items, ImportReport report, String hash, Map<String, String> links) {
        this(items, report, hash, links, CorrectionsUsed.NONE);
    }

    /** A corpus without links. */
    public Corpus(List<LabelledItem> items, ImportReport report, String hash) {
        this(items, report, hash, Map.of());
    }

    /** @return where a person can read the unit: its commit (hunk anchor included) or question; "" if unknown */
    public String linkOf(String unitId) {
        return links.getOrDefault(unitId, "");
    }

    /** @return units of one quality */
    public List<LabelledItem> of(Quality quality) {
        return items.stream().filter(i -> i.quality() == quality).toList();
    }
}
