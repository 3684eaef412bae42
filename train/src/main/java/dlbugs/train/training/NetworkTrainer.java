package dlbugs.train.training;

import dlbugs.model.bundle.BundleManifest;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.bundle.TrainingProvenance;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.eval.Evaluator;
import dlbugs.model.eval.GroupSplit;
import dlbugs.model.features.BugReportFeatures;
import dlbugs.model.features.MutableVocabulary;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.features.Vocabulary;
import dlbugs.model.network.HeadSpec;
import dlbugs.model.network.NetworkFactory;
import dlbugs.model.network.NetworkSpec;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Taxonomy;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Trains the multi-task network on a corpus, in named steps: extract features, split by group,
 * build the vocabulary from training units, vectorise, fit, evaluate on the held-out gold
 * units, then refit on every unit and bundle the result with its provenance and figures.
 */
public final class NetworkTrainer {

    private final Taxonomy taxonomy;
    private final ProseTokenizer tokenizer;

    /**
     * @param taxonomy  the heads to learn
     * @param tokenizer the prose tokenizer (built once; also used by the bundled predictor)
     */
    public NetworkTrainer(Taxonomy taxonomy, ProseTokenizer tokenizer) {
        this.taxonomy = taxonomy;
        this.tokenizer = tokenizer;
    }

    /** A fitted network with the vocabulary it was fitted on. */
    private record Fitted(NetworkSpec spec, Vocabulary vocabulary, ComputationGraph network) {
    }

    /**
     * @param corpus   imported units (gold and silver)
     * @param config   the run's settings
     * @param run      what goes into provenance besides the configuration (corpus path, git commit, versions)
     * @param listener progress
     * @return the bundle and figures
     */
    public TrainingResult train(Corpus corpus, TrainingConfig config, RunInfo run, TrainingListener listener) {
        long start = System.nanoTime();
        Map<LabelledItem, Map<String, Integer>> features = extractFeatures(corpus.items(), config);
        GroupSplit split = GroupSplit.of(corpus.of(Quality.GOLD), config.holdout(), config.seed());
        Evaluation evaluation = Evaluation.none();
        if (!split.test().isEmpty()) {
            List<LabelledItem> train = new ArrayList<>(split.train());
            train.addAll(corpus.of(Quality.SILVER));
            Fitted heldOut = fit(train, features, config, "hold-out fit", listener);
            evaluation = evaluate(heldOut, split, config);
        }
        Fitted fin = fit(corpus.items(), features, config, "final fit", listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingProvenance provenance = new TrainingProvenance(run.corpusPath(), corpus.hash(), counts(corpus),
                config.toMap(), config.seed(), run.gitCommit(), run.createdAt(), seconds, run.versions());
        BundleManifest manifest = new BundleManifest(ModelBundle.FORMAT_VERSION, run.modelName(),
                run.version(corpus.hash()), taxonomy, config.features(), fin.spec(), provenance, evaluation);
        return new TrainingResult(new ModelBundle(manifest, fin.vocabulary(), fin.network()), corpus.report(), seconds);
    }

    private Map<LabelledItem, Map<String, Integer>> extractFeatures(List<LabelledItem> items, TrainingConfig config) {
        BugReportFeatures extractor = new BugReportFeatures(config.features(), tokenizer);
        Map<LabelledItem, Map<String, Integer>> out = new IdentityHashMap<>();
        items.forEach(i -> out.put(i, extractor.extract(i.report())));
        return out;
    }

    private Fitted fit(List<LabelledItem> train, Map<LabelledItem, Map<String, Integer>> features,
                       TrainingConfig config, String phase, TrainingListener listener) {
        Vocabulary vocabulary = buildVocabulary(train, features, config);
        List<HeadSpec> heads = taxonomy.heads().stream().map(HeadSpec::of).toList();
        NetworkSpec spec = new NetworkSpec(vocabulary.size(), config.hidden(), config.inputDropout(),
                config.dropout(), config.l2(), config.learningRate(), config.seed(), heads);
        MultiDataSet data = TrainingData.of(train, features, vocabulary, heads, config.silverWeight());
        ComputationGraph network = NetworkFactory.build(spec);
        listener.phase(phase, config.epochs());
        Random random = new Random(config.seed());
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            listener.epoch(epoch, fitEpoch(network, data, config.batchSize(), random));
        }
        return new Fitted(spec, vocabulary, network);
    }

    private static Vocabulary buildVocabulary(List<LabelledItem> train,
                                              Map<LabelledItem, Map<String, Integer>> features,
                                              TrainingConfig config) {
        MutableVocabulary vocabulary = new MutableVocabulary();
        train.forEach(i -> vocabulary.add(features.get(i)));
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

    private Evaluation evaluate(Fitted fitted, GroupSplit split, TrainingConfig config) {
        BundleManifest manifest = new BundleManifest(ModelBundle.FORMAT_VERSION, "hold-out", "hold-out", taxonomy,
                config.features(), fitted.spec(), null, Evaluation.none());
        BundlePredictor predictor = new BundlePredictor(
                new ModelBundle(manifest, fitted.vocabulary(), fitted.network()), tokenizer);
        List<LabelledItem> scorable = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        for (LabelledItem item : split.test()) {
            try {
                predictions.add(predictor.predict(item.report()));
                scorable.add(item);
            } catch (NoUsableContentException noKnownFeature) {
                // a held-out unit sharing no feature with training cannot be scored; it is counted out
            }
        }
        List<String> heads = taxonomy.heads().stream().map(h -> h.name()).toList();
        Map<String, String> majority = new LinkedHashMap<>();
        heads.forEach(head -> mostFrequent(split.train(), head).ifPresent(l -> majority.put(head, l)));
        return new Evaluator().evaluate(heads, scorable, predictions, majority);
    }

    /** @return the label most units have for a head (ties: alphabetical first) */
    private static Optional<String> mostFrequent(List<LabelledItem> items, String head) {
        return items.stream().map(i -> i.majority(head)).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(l -> l, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
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
        return counts;
    }
}
