package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Libraries;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Head;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The slices of units an evaluation reports: gold, every unit, each source apart (split by
 * quality where a source has both: the study's questions are gold, simba2024's silver) once it has
 * {@link Source#minScored()} units, gold by library. Sources are {@link Source#ALL}: a new source
 * gets its slice without code here.
 */
final class Slices {

    static final String GOLD = "gold";
    /** Every unit, gold and silver: the reference of a head gold cannot judge. */
    static final String ALL = "all";

    private Slices() {
    }

    /**
     * The units a head is judged and calibrated on: its gold units, or, for a head whose gold
     * units all carry one label (whether a report is a DL bug: every unit of the study is one),
     * every unit labelled for it, gold and silver.
     */
    static Predicate<LabelledItem> reference(Head head, List<LabelledItem> items) {
        return referenceName(head, items).equals(GOLD) ? i -> i.quality() == Quality.GOLD : i -> true;
    }

    /** @return the name of the slice {@link #reference} stands for: {@link #GOLD} or {@link #ALL} */
    static String referenceName(Head head, List<LabelledItem> items) {
        long labels = items.stream().filter(i -> i.quality() == Quality.GOLD).map(i -> i.majority(head.name()))
                .flatMap(Optional::stream).distinct().count();
        return labels >= 2 ? GOLD : ALL;
    }

    /**
     * @return a source's slice name for units of one quality: {@code gold/SOURCE} for gold,
     *         {@code silver/SOURCE} for the silver units of a source that has gold ones too, else
     *         the source's own label ({@code github_issues}, {@code denchmark})
     */
    static String sourceSlice(Source source, Quality quality, List<LabelledItem> items) {
        if (quality == Quality.GOLD) {
            return GOLD + "/" + source.label();
        }
        boolean mixed = items.stream().anyMatch(i -> i.source().equals(source) && i.quality() == Quality.GOLD);
        return mixed ? "silver/" + source.label() : source.label();
    }

    /** @return true for the slice of one source (and quality), false for gold, all and a library's */
    static boolean isSource(String slice) {
        return Source.labels().contains(slice.substring(slice.indexOf('/') + 1));
    }

    static Map<String, Predicate<LabelledItem>> of(List<LabelledItem> items) {
        Map<String, Predicate<LabelledItem>> slices = new LinkedHashMap<>();
        Predicate<LabelledItem> gold = i -> i.quality() == Quality.GOLD;
        slices.put(GOLD, gold);
        slices.put(ALL, i -> true);
        for (Source source : Source.ALL) {
            for (Quality quality : Quality.values()) {
                Predicate<LabelledItem> part = i -> i.source().equals(source) && i.quality() == quality;
                if (items.stream().filter(part).count() >= source.minScored()) {
                    slices.put(sourceSlice(source, quality, items), part);
                }
            }
        }
        for (String lib : Libraries.KNOWN) {
            if (items.stream().anyMatch(gold.and(i -> i.report().library().equals(lib)))) {
                slices.put("gold/" + lib, gold.and(i -> i.report().library().equals(lib)));
            }
        }
        return slices;
    }
}
