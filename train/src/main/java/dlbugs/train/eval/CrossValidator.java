package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.eval.GroupKFold;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouped k-fold cross-validation of several {@link FoldModel}s on the same folds. Every unit
 * (gold and silver) gets a fold; each model is fitted once per fold on the other folds' units
 * (silver only if enabled) and predicts every unit of the held-out fold, gold and silver alike,
 * so gold and silver can be scored apart.
 */
public final class CrossValidator {

    /** Hears which model is being fitted on which fold. */
    public interface Progress {
        void fitting(String model, int fold, int folds);
    }

    private final Taxonomy taxonomy;

    public CrossValidator(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param items            units to cross-validate
     * @param models           models to compare
     * @param folds            number of folds
     * @param seed             fold assignment seed; fold f's models get seed + f
     * @param silverInTraining train on silver units too
     * @param progress         progress
     * @return out-of-fold predictions of every model
     * @throws Exception if a model fails
     */
    public CrossValidation run(List<LabelledItem> items, List<FoldModel> models, int folds, long seed,
                               boolean silverInTraining, Progress progress) throws Exception {
        int[] foldOf = GroupKFold.assign(items, folds, Taxonomy.BUG_TYPE, seed);
        Map<String, List<double[][]>> oof = new LinkedHashMap<>();
        for (FoldModel model : models) {
            List<double[][]> byHead = new ArrayList<>();
            taxonomy.heads().forEach(h -> byHead.add(new double[items.size()][]));
            oof.put(model.name(), byHead);
        }
        for (int f = 0; f < folds; f++) {
            List<LabelledItem> train = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (foldOf[i] == f) {
                    testIdx.add(i);
                } else if (silverInTraining || items.get(i).quality() == Quality.GOLD) {
                    train.add(items.get(i));
                }
            }
            List<LabelledItem> test = testIdx.stream().map(items::get).toList();
            for (FoldModel model : models) {
                progress.fitting(model.name(), f + 1, folds);
                FoldPredictions p = model.fitAndPredict(taxonomy, train, test, seed + f);
                for (int h = 0; h < taxonomy.heads().size(); h++) {
                    for (int t = 0; t < testIdx.size(); t++) {
                        oof.get(model.name()).get(h)[testIdx.get(t)] = p.byHead().get(h)[t];
                    }
                }
            }
        }
        return new CrossValidation(items, foldOf, oof);
    }
}
