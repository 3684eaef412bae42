package dlbugs.train.training;

import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.features.FeatureConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a training run depends on besides the corpus. Seeds are explicit.
 *
 * @param seed         weight initialisation, dropout, shuffling and hold-out split
 * @param epochs       passes over the training units
 * @param batchSize    units per gradient step
 * @param hidden       width of the shared layer
 * @param inputDropout fraction of input features dropped while training
 * @param dropout      fraction of trunk activations dropped before each head
 * @param learningRate Adam learning rate
 * @param l2           L2 weight decay
 * @param silverWeight loss weight of a silver unit (gold units weigh 1)
 * @param holdout      share of gold units held out for the figures (0: none); the shipped
 *                     network is then refit on all units
 * @param features     feature extraction settings
 * @param corpus       which units to import
 */
public record TrainingConfig(long seed, int epochs, int batchSize, int hidden, double inputDropout, double dropout,
                             double learningRate, double l2, double silverWeight, double holdout,
                             FeatureConfig features, ImportOptions corpus) {

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1 || hidden < 1) {
            throw new IllegalArgumentException("epochs, batch size and hidden size must be positive");
        }
        if (silverWeight < 0 || silverWeight > 1) {
            throw new IllegalArgumentException("silver weight must be in [0, 1], got " + silverWeight);
        }
        if (holdout < 0 || holdout >= 1) {
            throw new IllegalArgumentException("hold-out must be in [0, 1), got " + holdout);
        }
    }

    /** The configuration of the shipped model. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(1, 40, 32, 128, 0.2, 0.5, 1e-3, 1e-4, 0.5, 0.2,
                FeatureConfig.defaults(), ImportOptions.defaults());
    }

    /**
     * @return this configuration with the settings a run chooses on the command line
     */
    public TrainingConfig withRun(long runSeed, int runEpochs, double runHoldout, ImportOptions runCorpus) {
        return new TrainingConfig(runSeed, runEpochs, batchSize, hidden, inputDropout, dropout, learningRate, l2,
                silverWeight, runHoldout, features, runCorpus);
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
        m.put("holdout", Double.toString(holdout));
        m.put("features", features.toString());
        m.put("corpus", corpus.toString());
        return m;
    }
}
