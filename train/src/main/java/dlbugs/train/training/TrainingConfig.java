package dlbugs.train.training;

import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.features.FeatureConfig;
import dlbugs.model.features.TextEncoders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a training run depends on besides the corpus. Seeds are explicit.
 *
 * @param seed             weight initialisation, dropout, shuffling and fold assignment
 * @param epochs           passes over the training units
 * @param batchSize        units per gradient step
 * @param hidden           width of the shared layer (0: one logistic regression per head)
 * @param inputDropout     fraction of input features dropped while training
 * @param dropout          fraction of trunk activations dropped before each head
 * @param learningRate     Adam learning rate
 * @param l2               L2 weight decay
 * @param silverWeight     loss weight of a silver unit (gold units weigh 1)
 * @param weighting        class weights per head and loss weights per source
 * @param folds            cross-validation folds for the figures and the calibration (0: none)
 * @param precisionTarget  the held-out precision a head's threshold must reach
 * @param features         feature extraction settings
 * @param corpus           which units to import
 * @param encoder          the sentence encoder whose embedding is the network's second input
 *                         ({@link TextEncoders#names()}), or {@link TextEncoders#NONE}
 */
public record TrainingConfig(long seed, int epochs, int batchSize, int hidden, double inputDropout, double dropout,
                             double learningRate, double l2, double silverWeight, Weighting weighting, int folds,
                             double precisionTarget, FeatureConfig features, ImportOptions corpus,
                             String encoder) {

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1 || hidden < 0) {
            throw new IllegalArgumentException("epochs and batch size must be positive, hidden non-negative");
        }
        if (silverWeight < 0 || silverWeight > 1) {
            throw new IllegalArgumentException("silver weight must be in [0, 1], got " + silverWeight);
        }
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("folds must be 0 (none) or at least 2, got " + folds);
        }
        if (weighting == null || precisionTarget <= 0 || precisionTarget > 1) {
            throw new IllegalArgumentException("need a weighting, and a precision target in (0, 1]");
        }
        if (!TextEncoders.names().contains(encoder)) {
            throw new IllegalArgumentException("unknown encoder '" + encoder + "'; known: "
                    + String.join(", ", TextEncoders.names()));
        }
    }

    /**
     * The weighting {@code train} chose for the shipped bundle ({@code docs/model-card.md}): fully
     * balanced class weights, half-balanced for the top-level bug type, the effect and the fix
     * pattern; a GitHub issue weighs 3. {@code evaluate --no-tune} measures this setting.
     */
    static final Weighting SHIPPED_WEIGHTING = new Weighting(1.0,
            Map.of("bug_type_top", 0.5, "effect", 0.5, "fix_pattern", 0.5), Map.of("github_issues", 3.0));

    /** The configuration of the shipped model. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(1, 40, 32, 128, 0.2, 0.5, 1e-3, 1e-4, 1.0, SHIPPED_WEIGHTING, 5, 0.8,
                FeatureConfig.defaults(), ImportOptions.defaults(), TextEncoders.ALL_MINILM_L6_V2_Q);
    }

    /**
     * @return the settings {@code train} chooses each head's class weighting among: this
     *         configuration with one class weight power for every head, half and fully balanced
     *         (its source weights kept)
     */
    public List<TrainingConfig> candidates() {
        return Stream.of(0.5, 1.0).map(p -> withWeighting(new Weighting(p, Map.of(), weighting.sourceWeights()))).toList();
    }

    /** @return a short name of what distinguishes this configuration among the candidates */
    public String candidateName() {
        return "dlbugs[" + weighting + "]";
    }

    public TrainingConfig withWeighting(Weighting w) {
        return new TrainingConfig(seed, epochs, batchSize, hidden, inputDropout, dropout, learningRate, l2,
                silverWeight, w, folds, precisionTarget, features, corpus, encoder);
    }

    /** The TF-IDF + multinomial logistic regression baseline: no hidden layer, no dropout, no embedding. */
    public TrainingConfig asLogisticRegression() {
        return new TrainingConfig(seed, 60, batchSize, 0, 0, 0, 1e-2, 1e-4, silverWeight, Weighting.uniform(0), folds,
                precisionTarget, new FeatureConfig(20_000, 2, true, features.maxCodeChars()), corpus, TextEncoders.NONE);
    }

    /** @return this configuration with another sentence encoder ({@link TextEncoders#NONE} for none) */
    public TrainingConfig withEncoder(String name) {
        return new TrainingConfig(seed, epochs, batchSize, hidden, inputDropout, dropout, learningRate, l2,
                silverWeight, weighting, folds, precisionTarget, features, corpus, name);
    }

    /** @return this configuration with the settings a run chooses on the command line */
    public TrainingConfig withRun(long runSeed, int runEpochs, int runFolds, ImportOptions runCorpus) {
        return new TrainingConfig(runSeed, runEpochs, batchSize, hidden, inputDropout, dropout, learningRate, l2,
                silverWeight, weighting, runFolds, precisionTarget, features, runCorpus, encoder);
    }

    /** @return this configuration with another seed */
    public TrainingConfig withSeed(long s) {
        return withRun(s, epochs, folds, corpus);
    }

    /** @return a unit's loss weight: its source's weight, times the silver weight for a silver unit */
    public double unitWeight(LabelledItem item) {
        return (item.quality() == Quality.SILVER ? silverWeight : 1.0) * weighting.sourceWeight(item);
    }

    /** @return the settings as strings, for provenance */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("hidden", Integer.toString(hidden));
        m.put("inputDropout", Double.toString(inputDropout));
        m.put("dropout", Double.toString(dropout));
        m.put("learningRate", Double.toString(learningRate));
        m.put("l2", Double.toString(l2));
        m.put("silverWeight", Double.toString(silverWeight));
        m.put("weighting", weighting.toString());
        m.put("folds", Integer.toString(folds));
        m.put("precisionTarget", Double.toString(precisionTarget));
        m.put("features", features.toString());
        m.put("corpus", corpus.toString());
        m.put("encoder", encoder);
        return m;
    }
}
