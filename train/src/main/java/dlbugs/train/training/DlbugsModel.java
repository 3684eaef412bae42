package dlbugs.train.training;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.FoldModel;
import dlbugs.train.eval.FoldPredictions;

import java.util.List;

/**
 * A network fitted by {@link NetworkTrainer} as a cross-validation contestant: dlbugs itself
 * (code-aware features, shared trunk) or, configured with word n-grams and no hidden layer,
 * the TF-IDF + multinomial logistic regression baseline.
 */
public final class DlbugsModel implements FoldModel {

    private final String name;
    private final NetworkTrainer trainer;
    private final TrainingConfig config;
    private final TrainingListener listener;

    /**
     * @param name     the contestant's name
     * @param trainer  the trainer (its extractor decides the features)
     * @param config   settings; the seed is replaced by the fold's
     * @param listener epoch progress
     */
    public DlbugsModel(String name, NetworkTrainer trainer, TrainingConfig config, TrainingListener listener) {
        this.name = name;
        this.trainer = trainer;
        this.config = config;
        this.listener = listener;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                         long seed) {
        FittedNetwork fitted = trainer.fit(train, config.withSeed(seed), name, listener);
        return new FoldPredictions(trainer.probabilities(fitted, test));
    }
}
