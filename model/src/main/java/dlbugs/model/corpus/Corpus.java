package dlbugs.model.corpus;

import java.util.List;

/**
 * The imported corpus: gold and silver units, kept apart by {@link LabelledItem#quality()},
 * with the report of how they were read.
 *
 * @param items  all units
 * @param report what was read, dropped and kept
 * @param hash   SHA-256 over the source files, for provenance
 */
public record Corpus(List<LabelledItem> items, ImportReport report, String hash) {
    public Corpus {
        items = List.copyOf(items);
    }

    /** @return units of one quality */
    public List<LabelledItem> of(Quality quality) {
        return items.stream().filter(i -> i.quality() == quality).toList();
    }
}
