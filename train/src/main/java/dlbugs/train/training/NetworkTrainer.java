package dlbugs.train.training;

import dlbugs.model.bundle.BundleManifest;
import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.bundle.KnownBugs;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.bundle.TrainingProvenance;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.EmbeddingConfig;
import dlbugs.model.features.FeatureExtractor;
import dlbugs.model.features.MutableVocabulary;
import dlbugs.model.features.ReportEmbedder;
import dlbugs.model.features.Vocabulary;
import dlbugs.model.network.HeadSpec;
import dlbugs.model.network.NetworkFactory;
import dlbugs.model.network.NetworkOutputs;
import dlbugs.model.network.NetworkSpec;
import dlbugs.model.predict.NearestLabelled;
import dlbugs.model.taxonomy.Taxonomy;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fits the multi-task network on labelled units, in named steps: extract features (cached per
 * report), build the vocabulary from the training units only, weigh the classes, vectorise,
 * embed (if the trainer has an embedder; its encoder caches each text), fit. {@link #bundle}
 * wraps a fitted network with its provenance, figures, calibration and embedding.
 */
public final class NetworkTrainer {

    private final Taxonomy taxonomy;
    private final FeatureExtractor extractor;
    private final ReportEmbedder embedder;
    private final Map<BugReport, Map<String, Integer>> features = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * @param taxonomy  the heads to learn
     * @param extractor how reports become features (the bundle's predictor must extract the same)
     */
    public NetworkTrainer(Taxonomy taxonomy, FeatureExtractor extractor) {
        this(taxonomy, extractor, null);
    }

    /**
     * @param taxonomy  the heads to learn
     * @param extractor how reports become features (the bundle's predictor must extract the same)
     * @param embedder  the sentence embedding fed beside the features, or null for none
     */
    public NetworkTrainer(Taxonomy taxonomy, FeatureExtractor extractor, ReportEmbedder embedder) {
        this.taxonomy = taxonomy;
        this.extractor = extractor;
        this.embedder = embedder;
    }

    /**
     * @param train    units to learn from (gold and silver; a head may be unlabelled)
     * @param config   the run's settings
     * @param phase    name shown by the listener
     * @param listener progress
     * @return the fitted network and its vocabulary
     */
    public FittedNetwork fit(List<LabelledItem> train, TrainingConfig config, String phase, TrainingListener listener) {
        Vocabulary vocabulary = buildVocabulary(train, config);
        List<HeadSpec> heads = taxonomy.heads().stream()
                .map(h -> HeadSpec.of(h).withClassWeights(ClassWeights.of(h, train, config))).toList();
        NetworkSpec spec = new NetworkSpec(vocabulary.size(), embedder == null ? 0 : embedder.dimensions(),
                config.hidden(), config.inputDropout(), config.dropout(), config.l2(), config.learningRate(),
                config.seed(), heads, config.wide());
        MultiDataSet data = TrainingData.of(train, this::featuresOf, embed(train), vocabulary, heads,
                config::unitWeight);
        ComputationGraph network = NetworkFactory.build(spec);
        listener.phase(phase, config.epochs());
        Random random = new Random(config.seed());
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            listener.progress(epoch, String.format(Locale.ROOT, "loss %.3f",
                    fitEpoch(network, data, config.batchSize(), random)));
        }
        return new FittedNetwork(spec, vocabulary, network);
    }

    /**
     * @param fitted a fitted network
     * @param items  units to score (a unit with no known feature gets the network's bias answer)
     * @return per head, one probability row per unit
     */
    public List<double[][]> probabilities(FittedNetwork fitted, List<LabelledItem> items) {
        float[][] rows = items.stream().map(i -> fitted.vocabulary().vectorize(featuresOf(i))).toArray(float[][]::new);
        return NetworkOutputs.probabilities(fitted.network(), rows, embed(items));
    }

    /**
     * One batch at a time: cross-validation fits folds side by side, and a second fold asking
     * for the same texts while the first encodes them would encode them again rather than wait
     * for the cache. A batch already spreads over every core.
     *
     * @return one embedding per unit (unit length), or null if this trainer has no embedder
     */
    public float[][] embed(List<LabelledItem> items) {
        if (embedder == null) {
            return null;
        }
        synchronized (embedder) {
            return embedder.embed(items.stream().map(LabelledItem::report).toList());
        }
    }

    /**
     * @return the bundle of a network fitted on the whole corpus, with its cross-validated
     *         figures and calibration
     */
    public ModelBundle bundle(FittedNetwork fitted, Corpus corpus, TrainingConfig config, RunInfo run, double seconds,
                              Evaluation evaluation, List<HeadCalibration> calibration) {
        TrainingProvenance provenance = new TrainingProvenance(run.corpusPath(), corpus.hash(), counts(corpus),
                config.toMap(), config.seed(), run.gitCommit(), run.createdAt(), seconds, run.versions(),
                corpus.corrections());
        EmbeddingConfig embedding = embedder == null ? null : embedder.config();
        BundleManifest manifest = new BundleManifest(BundleManifest.formatVersionFor(embedding), run.modelName(),
                run.version(corpus.hash()), taxonomy, config.features(), fitted.spec(), provenance, evaluation,
                calibration, embedding, embedding == null ? null : config.neighbours());
        return new ModelBundle(manifest, fitted.vocabulary(), fitted.network(), knownBugs(corpus, fitted.vocabulary()));
    }

    /** Features kept per known bug: enough for cosine similarity, small enough to ship. */
    static final int KNOWN_BUG_FEATURES = 64;

    /**
     * The known bugs a bundle ships: with an encoder, every labelled unit of every source with its
     * sentence embedding (what "similar known bugs" and the neighbours' vote compare); without one,
     * the gold units with their strongest TF-IDF features.
     */
    KnownBugs knownBugs(Corpus corpus, Vocabulary vocabulary) {
        if (embedder != null) {
            float[][] vectors = embed(corpus.items());
            List<KnownBugs.KnownBug> bugs = new ArrayList<>();
            for (int i = 0; i < vectors.length; i++) {
                LabelledItem item = corpus.items().get(i);
                bugs.add(new KnownBugs.KnownBug(item.unitId(), link(corpus, item), title(item), labels(item), null, null,
                        item.source().label(), KnownBugs.quantise(vectors[i])));
            }
            return new KnownBugs(bugs);
        }
        List<KnownBugs.KnownBug> bugs = new ArrayList<>();
        for (LabelledItem item : corpus.items()) {
            if (item.quality() != Quality.GOLD) {
                continue;
            }
            float[] v = vocabulary.vectorize(featuresOf(item));
            int[] index = IntStream.range(0, v.length).filter(i -> v[i] != 0).boxed()
                    .sorted(Comparator.comparingDouble(i -> -Math.abs(v[i]))).limit(KNOWN_BUG_FEATURES)
                    .mapToInt(Integer::intValue).toArray();
            double norm = Math.sqrt(Arrays.stream(index).mapToDouble(i -> v[i] * v[i]).sum());
            if (norm == 0) {
                continue;
            }
            float[] weight = new float[index.length];
            for (int j = 0; j < index.length; j++) {
                weight[j] = (float) (v[index[j]] / norm);
            }
            bugs.add(new KnownBugs.KnownBug(item.unitId(), corpus.linkOf(item.unitId()), title(item), labels(item), index,
                    weight, item.source().label(), null));
        }
        return new KnownBugs(bugs);
    }

    /** @return the neighbours that vote for a fold's test units: the fold's training units, embedded as a bundle stores them */
    public NearestLabelled neighbours(List<LabelledItem> train) {
        float[][] vectors = embed(train);
        List<float[]> stored = new ArrayList<>();
        for (float[] v : vectors) {
            stored.add(KnownBugs.dequantise(KnownBugs.quantise(v)));
        }
        return new NearestLabelled(stored, train.stream().map(this::labels).toList());
    }

    private Map<String, String> labels(LabelledItem item) {
        Map<String, String> labels = new LinkedHashMap<>();
        taxonomy.heads().forEach(h -> item.majority(h.name()).ifPresent(l -> labels.put(h.name(), l)));
        return labels;
    }

    /** @return where a person reads the unit: its link, or its question's page for a question that has none */
    private static String link(Corpus corpus, LabelledItem item) {
        String link = corpus.linkOf(item.unitId());
        return link.isEmpty() && item.groupId().startsWith("so:")
                ? "https://stackoverflow.com/questions/" + item.groupId().substring(3) : link;
    }

    private static String title(LabelledItem item) {
        String t = item.report().title().isBlank() ? item.report().text().strip() : item.report().title();
        t = t.lines().findFirst().orElse("");
        return t.length() > 140 ? t.substring(0, 137) + "..." : t;
    }

    private Map<String, Integer> featuresOf(LabelledItem item) {
        return features.computeIfAbsent(item.report(), extractor::extract);
    }

    private Vocabulary buildVocabulary(List<LabelledItem> train, TrainingConfig config) {
        MutableVocabulary vocabulary = new MutableVocabulary();
        train.forEach(i -> vocabulary.add(featuresOf(i)));
        return vocabulary.freeze(config.features());
    }

    private static double fitEpoch(ComputationGraph network, MultiDataSet data, int batchSize, Random random) {
        int n = (int) data.getFeatures(0).size(0);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        double loss = 0;
        int batches = 0;
        for (int from = 0; from < n; from += batchSize) {
            int[] idx = order.subList(from, Math.min(n, from + batchSize)).stream().mapToInt(Integer::intValue).toArray();
            network.fit(TrainingData.rows(data, idx));
            loss += network.score();
            batches++;
        }
        return loss / batches;
    }

    private Map<String, Integer> counts(Corpus corpus) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Quality q : Quality.values()) {
            List<LabelledItem> items = corpus.of(q);
            String prefix = q.name().toLowerCase();
            counts.put(prefix + " units", items.size());
            taxonomy.heads().forEach(h -> counts.put(prefix + " " + h.name(),
                    (int) items.stream().filter(i -> i.has(h.name())).count()));
        }
        // per source: "units github_issues", "units denchmark", ... (the import report's quality/source parts)
        if (corpus.report() != null) {
            corpus.report().unitsBySource().forEach((part, n) -> counts.put("units " + part, n));
        }
        return counts;
    }
}
