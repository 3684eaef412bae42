package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Out-of-fold predictions of several models on the same grouped folds.
 *
 * @param items  every unit (gold and silver), in a fixed order
 * @param foldOf the fold of each unit
 * @param oof    model name → per head, one probability row per unit, predicted by the model
 *               fitted without the unit's fold; models keep the order they were given in
 */
public record CrossValidation(List<LabelledItem> items, int[] foldOf, Map<String, List<double[][]>> oof) {
    public CrossValidation {
        items = List.copyOf(items);
        foldOf = foldOf.clone();
        oof = Collections.unmodifiableMap(new LinkedHashMap<>(oof));
    }

    /** @return the number of folds */
    public int folds() {
        int max = -1;
        for (int f : foldOf) {
            max = Math.max(max, f);
        }
        return max + 1;
    }
}
