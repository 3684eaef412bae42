package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Libraries;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The slices of units an evaluation reports: gold, silver, gold by source, gold by library. */
final class Slices {

    static final String GOLD = "gold";

    private Slices() {
    }

    static Map<String, Predicate<LabelledItem>> of(List<LabelledItem> items) {
        Map<String, Predicate<LabelledItem>> slices = new LinkedHashMap<>();
        Predicate<LabelledItem> gold = i -> i.quality() == Quality.GOLD;
        slices.put(GOLD, gold);
        if (items.stream().anyMatch(i -> i.quality() == Quality.SILVER)) {
            slices.put("silver", i -> i.quality() == Quality.SILVER);
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
