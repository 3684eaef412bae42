package dlbugs.train.training;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.bundle.NeighbourConfig;
import dlbugs.model.rules.CosmeticDiff;
import dlbugs.model.taxonomy.Head;
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
    private final boolean rules;

    /**
     * @param name     the contestant's name
     * @param trainer  the trainer (its extractor decides the features)
     * @param config   settings; the seed is replaced by the fold's
     * @param listener epoch progress
     */
    public DlbugsModel(String name, NetworkTrainer trainer, TrainingConfig config, TrainingListener listener) {
        this(name, trainer, config, listener, true);
    }

    private DlbugsModel(String name, NetworkTrainer trainer, TrainingConfig config, TrainingListener listener,
                        boolean rules) {
        this.name = name;
        this.trainer = trainer;
        this.config = config;
        this.listener = listener;
        this.rules = rules;
    }

    /** @return a baseline: the network alone, without the rules dlbugs answers by ({@link #withRules}) */
    public static DlbugsModel baseline(String name, NetworkTrainer trainer, TrainingConfig config) {
        return new DlbugsModel(name, trainer, config, TrainingListener.NONE, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                         long seed) {
        FittedNetwork fitted = trainer.fit(train, config.withSeed(seed), name, listener);
        List<double[][]> probabilities = withNeighbours(taxonomy, train, test, trainer.probabilities(fitted, test));
        return new FoldPredictions(rules ? withRules(taxonomy, test, probabilities) : probabilities);
    }

    /** Blends each head's rows with the vote of the nearest training units, as the predictor blends with the bundle's. */
    private List<double[][]> withNeighbours(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                            List<double[][]> byHead) {
        NeighbourConfig config = this.config.neighbours();
        float[][] embedded = config == null ? null : trainer.embed(test);
        if (embedded == null) {
            return byHead;   // no vote asked for, or a trainer without an encoder: nothing to compare
        }
        return trainer.neighbours(train).blendAll(byHead, embedded, taxonomy.heads(), config);
    }

    /**
     * Answers {@code dl_bug} as the predictor does where the diff alone decides ({@link CosmeticDiff}),
     * so the held-out figures and thresholds are those of the answers users get.
     */
    static List<double[][]> withRules(Taxonomy taxonomy, List<LabelledItem> test, List<double[][]> byHead) {
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            Head head = taxonomy.heads().get(h);
            if (!head.name().equals(Taxonomy.DL_BUG)) {
                continue;
            }
            for (int i = 0; i < test.size(); i++) {
                if (CosmeticDiff.reason(test.get(i).report().diff()).isPresent()) {
                    byHead.get(h)[i] = CosmeticDiff.notADlBug(head.labels());
                }
            }
        }
        return byHead;
    }
}
