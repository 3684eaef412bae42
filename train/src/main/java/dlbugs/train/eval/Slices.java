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
 * The slices of units an evaluation reports: gold, silver (the simba2024 questions), the GitHub
 * issues (silver too, but another kind of text and another annotation, so scored apart), gold by
 * source, gold by library.
 */
final class Slices {

    static final String GOLD = "gold";
    /** Every unit, gold and silver: the reference of a head gold cannot judge. */
    static final String ALL = "all";
    static final String SILVER = "silver";
    static final String GITHUB_ISSUES = Source.GITHUB_ISSUE.label();

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

    static Map<String, Predicate<LabelledItem>> of(List<LabelledItem> items) {
        Map<String, Predicate<LabelledItem>> slices = new LinkedHashMap<>();
        Predicate<LabelledItem> gold = i -> i.quality() == Quality.GOLD;
        slices.put(GOLD, gold);
        slices.put(ALL, i -> true);
        Predicate<LabelledItem> silver = i -> i.quality() == Quality.SILVER && i.source() == Source.STACKOVERFLOW;
        if (items.stream().anyMatch(silver)) {
            slices.put(SILVER, silver);
        }
        Predicate<LabelledItem> issues = i -> i.source() == Source.GITHUB_ISSUE;
        if (items.stream().anyMatch(issues)) {
            slices.put(GITHUB_ISSUES, issues);
        }
        slices.put("gold/github", gold.and(i -> i.source() == Source.GITHUB));
        slices.put("gold/stackoverflow", gold.and(i -> i.source() == Source.STACKOVERFLOW));
        for (String lib : Libraries.KNOWN) {
            if (items.stream().anyMatch(gold.and(i -> i.report().library().equals(lib)))) {
                slices.put("gold/" + lib, gold.and(i -> i.report().library().equals(lib)));
            }
        }
        return slices;
    }
}
