package dlbugs.train.training;

import dlbugs.model.bundle.NeighbourConfig;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.features.FeatureConfig;
import dlbugs.model.features.TextEncoders;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param wide             whether each head also reads the TF-IDF input directly, beside the trunk
 *                         (a linear path per head, as a logistic regression has)
 * @param neighbours       how much the nearest labelled units' vote counts beside the network, or
 *                         null for not at all (it needs an encoder)
 * @param embedChars       most characters of a report the encoder reads (the diff's share in
 *                         proportion); fewer cost less to serve
 */
public record TrainingConfig(long seed, int epochs, int batchSize, int hidden, double inputDropout, double dropout,
                             double learningRate, double l2, double silverWeight, Weighting weighting, int folds,
                             double precisionTarget, FeatureConfig features, ImportOptions corpus,
                             String encoder, boolean wide, NeighbourConfig neighbours, int embedChars) {

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
        if (embedChars < 1) {
            throw new IllegalArgumentException("the encoder must read at least one character, got " + embedChars);
        }
        if (neighbours != null && encoder.equals(TextEncoders.NONE)) {
            throw new IllegalArgumentException("the neighbours' vote compares sentence embeddings: it needs an encoder");
        }
        if (!TextEncoders.names().contains(encoder)) {
            throw new IllegalArgumentException("unknown encoder '" + encoder + "'; known: "
                    + String.join(", ", TextEncoders.names()));
        }
    }

    /**
     * The weighting of the shipped bundle, chosen on evaluate's per-source slices
     * ({@code docs/model-card.md}): class weights half-balanced (power 0.5) for every head, a GitHub
     * issue weighs 3.
     */
    static final Weighting SHIPPED_WEIGHTING = new Weighting(0.5, Map.of(), Map.of("github_issues", 3.0));

    /** The neighbours' vote of the shipped bundle: the 10 most similar labelled reports weigh 0.4 of an answer. */
    static final NeighbourConfig SHIPPED_NEIGHBOURS = new NeighbourConfig(10, 0.4);

    /**
     * The characters of a report the shipped bundle's encoder reads: as accurate as 2,000 on every
     * slice in evaluate, and a long report costs the encoder a third of the tokens.
     */
    static final int SHIPPED_EMBED_CHARS = 600;

    /** The configuration of the shipped model: the setting that won evaluate's per-source slices. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(1, 40, 32, 128, 0.2, 0.5, 1e-3, 1e-4, 1.0, SHIPPED_WEIGHTING, 5, 0.8,
                FeatureConfig.defaults().withDiffShape(true), ImportOptions.defaults(), TextEncoders.ALL_MINILM_L6_V2_Q,
                false, SHIPPED_NEIGHBOURS, SHIPPED_EMBED_CHARS);
    }

    /** @return a short name of this configuration as an evaluation contestant */
    public String candidateName() {
        return "dlbugs[" + weighting + "]";
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public TrainingConfig withWeighting(Weighting w) {
        return toBuilder().weighting(w).build();
    }

    /**
     * The TF-IDF + multinomial logistic regression baseline: no hidden layer, no dropout, no
     * embedding, 1.5 times the network's epochs (60 for the shipped 40; a quick run stays quick).
     */
    public TrainingConfig asLogisticRegression() {
        return toBuilder().epochs(Math.max(1, epochs * 3 / 2)).hidden(0).inputDropout(0).dropout(0).learningRate(1e-2).weighting(Weighting.uniform(0))
                .features(new FeatureConfig(20_000, 2, true, features.maxCodeChars())).encoder(TextEncoders.NONE).wide(false)
                .neighbours(null).build();
    }

    /**
     * @return this configuration with another sentence encoder ({@link TextEncoders#NONE} for none,
     *         which also drops the neighbours' vote: it compares embeddings)
     */
    public TrainingConfig withEncoder(String name) {
        return toBuilder().encoder(name).neighbours(TextEncoders.NONE.equals(name) ? null : neighbours).build();
    }

    /** @return this configuration with the settings a run chooses on the command line */
    public TrainingConfig withRun(long runSeed, int runEpochs, int runFolds, ImportOptions runCorpus) {
        return toBuilder().seed(runSeed).epochs(runEpochs).folds(runFolds).corpus(runCorpus).build();
    }

    /** @return this configuration with another seed */
    public TrainingConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    /** Changes some settings of a configuration; {@link #build()} validates the result. */
    public static final class Builder {
        private long seed;
        private int epochs;
        private int batchSize;
        private int hidden;
        private double inputDropout;
        private double dropout;
        private double learningRate;
        private double l2;
        private double silverWeight;
        private Weighting weighting;
        private int folds;
        private double precisionTarget;
        private FeatureConfig features;
        private ImportOptions corpus;
        private String encoder;
        private boolean wide;
        private NeighbourConfig neighbours;
        private int embedChars;

        private Builder(TrainingConfig c) {
            seed = c.seed;
            epochs = c.epochs;
            batchSize = c.batchSize;
            hidden = c.hidden;
            inputDropout = c.inputDropout;
            dropout = c.dropout;
            learningRate = c.learningRate;
            l2 = c.l2;
            silverWeight = c.silverWeight;
            weighting = c.weighting;
            folds = c.folds;
            precisionTarget = c.precisionTarget;
            features = c.features;
            corpus = c.corpus;
            encoder = c.encoder;
            wide = c.wide;
            neighbours = c.neighbours;
            embedChars = c.embedChars;
        }

        public Builder seed(long v) { seed = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder hidden(int v) { hidden = v; return this; }
        public Builder inputDropout(double v) { inputDropout = v; return this; }
        public Builder dropout(double v) { dropout = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder l2(double v) { l2 = v; return this; }
        public Builder silverWeight(double v) { silverWeight = v; return this; }
        public Builder weighting(Weighting v) { weighting = v; return this; }
        public Builder folds(int v) { folds = v; return this; }
        public Builder precisionTarget(double v) { precisionTarget = v; return this; }
        public Builder features(FeatureConfig v) { features = v; return this; }
        public Builder corpus(ImportOptions v) { corpus = v; return this; }
        public Builder encoder(String v) { encoder = v; return this; }
        public Builder wide(boolean v) { wide = v; return this; }
        public Builder neighbours(NeighbourConfig v) { neighbours = v; return this; }
        public Builder embedChars(int v) { embedChars = v; return this; }

        /** @throws IllegalArgumentException if a setting is out of range */
        public TrainingConfig build() {
            return new TrainingConfig(seed, epochs, batchSize, hidden, inputDropout, dropout, learningRate, l2,
                    silverWeight, weighting, folds, precisionTarget, features, corpus, encoder, wide, neighbours, embedChars);
        }
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
        m.put("wide", Boolean.toString(wide));
        m.put("embedChars", Integer.toString(embedChars));
        m.put("neighbours", neighbours == null ? "none" : "k=" + neighbours.k() + ",weight=" + neighbours.weight());
        return m;
    }
}
