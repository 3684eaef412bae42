package dlbugs.model.predict;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.bundle.NeighbourConfig;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.ReportKind;
import dlbugs.model.rules.CosmeticDiff;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.features.BugReportFeatures;
import dlbugs.model.features.EmbeddingConfig;
import dlbugs.model.features.FeatureExtractor;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.features.ReportEmbedder;
import dlbugs.model.features.StopWords;
import dlbugs.model.features.TextEncoder;
import dlbugs.model.eval.TemperatureScaling;
import dlbugs.model.network.HeadSpec;
import dlbugs.model.network.NetworkOutputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Predicts with a trained {@link ModelBundle}: extracts features (and, if the bundle has one,
 * the sentence embedding) as training did, runs the network once per batch, and reads each
 * head's softmax. The embedding, most of a report's cost, runs on the encoder's threads while the
 * calling thread extracts the features. Only the network call is synchronized (DL4J does not
 * promise that a network's inference is thread-safe): features and embeddings of several
 * callers' reports are made side by side.
 */
public final class BundlePredictor implements Predictor {

    private final ModelBundle bundle;
    private final FeatureExtractor extractor;
    private final ModelInfo info;
    private final ReportEmbedder embedder;
    private final KnownBugIndex known;

    /**
     * Starts the bundle's own text encoder, if it has an embedding.
     *
     * @param bundle    a trained model
     * @param tokenizer the prose tokenizer (built once; shareable)
     */
    public BundlePredictor(ModelBundle bundle, ProseTokenizer tokenizer) {
        this(bundle, tokenizer, bundle.manifest().embedding() == null ? null
                : ReportEmbedder.of(bundle.manifest().embedding()));
    }

    /**
     * @param bundle    a trained model
     * @param tokenizer the prose tokenizer (built once; shareable)
     * @param embedder  the embedder of the bundle's {@code embedding} (thread-safe, so replicas may
     *                  share one), or null if the bundle has none
     * @throws IllegalArgumentException if the embedder is missing, superfluous or of another encoder
     */
    public BundlePredictor(ModelBundle bundle, ProseTokenizer tokenizer, ReportEmbedder embedder) {
        EmbeddingConfig wanted = bundle.manifest().embedding();
        if ((wanted == null) != (embedder == null) || (embedder != null && !embedder.config().equals(wanted))) {
            throw new IllegalArgumentException("the bundle's embedding is " + (wanted == null ? "none"
                    : wanted.encoder().describe()) + " but the embedder is " + (embedder == null ? "none"
                    : embedder.config().encoder().describe()));
        }
        this.embedder = embedder;
        this.bundle = bundle;
        this.extractor = new BugReportFeatures(bundle.manifest().features(), tokenizer);
        this.info = new ModelInfo(bundle.manifest().name(), bundle.manifest().version(),
                bundle.manifest().taxonomy().heads());
        this.known = new KnownBugIndex(bundle.known());
    }

    /**
     * @param file a bundle file
     * @return a predictor for it
     * @throws BundleFormatException if the file is not a readable bundle of a known format
     */
    public static BundlePredictor load(Path file) throws BundleFormatException {
        return new BundlePredictor(BundleReader.read(file), new ProseTokenizer());
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** @return the bundle this predictor answers with */
    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * Each head's softmax, blended with the nearest labelled units' vote where the bundle says so
     * ({@link NearestLabelled}), rescaled by the temperature of the report's kind
     * ({@link ReportKind#of}), judged by that kind's threshold; the {@code dl_bug} head answered by
     * {@link CosmeticDiff} where the diff alone says the report fixes no DL bug; then
     * {@link Prediction#gated()}.
     */
    @Override
    public List<Prediction> predictAll(List<BugReport> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        // The encoder works on its own threads while this one extracts the TF-IDF features.
        CompletableFuture<float[][]> embedded = embedder == null ? null : embedder.embedAsync(reports);
        float[][] rows = reports.stream().map(this::vector).toArray(float[][]::new);
        float[][] embeddings = embedded == null ? null : TextEncoder.join(embedded);
        List<double[][]> outputs = withNeighbours(outputs(rows, embeddings), embeddings);
        List<HeadSpec> heads = bundle.manifest().network().heads();
        List<Prediction> out = new ArrayList<>(reports.size());
        for (int row = 0; row < reports.size(); row++) {
            ReportKind kind = ReportKind.of(reports.get(row));
            Optional<String> cosmetic = CosmeticDiff.reason(reports.get(row).diff());
            List<HeadPrediction> hp = new ArrayList<>(heads.size());
            for (int h = 0; h < heads.size(); h++) {
                HeadSpec head = heads.get(h);
                HeadCalibration.KindCalibration cal = bundle.manifest().calibrationOf(head.name()).of(kind);
                if (cosmetic.isPresent() && head.name().equals(Taxonomy.DL_BUG)) {
                    hp.add(headPrediction(head, CosmeticDiff.notADlBug(head.labels()), cal.threshold())
                            .certain(cosmetic.get()));
                } else {
                    hp.add(headPrediction(head, TemperatureScaling.apply(outputs.get(h)[row], cal.temperature()),
                            cal.threshold()));
                }
            }
            out.add(new Prediction(hp).gated());
        }
        return out;
    }

    /** Most features occluded per explanation: the report's strongest by TF-IDF weight. */
    static final int MAX_OCCLUDED = 300;

    /**
     * Occlusion: one network call scores the report and every copy of it with one of its
     * features removed; a feature's weight for a head is how much its removal lowers the
     * probability (calibrated) of the head's answer. The sentence embedding, if any, stays the
     * report's own in every copy: only TF-IDF features are occluded. Features made only of
     * function words ({@link StopWords}) are left out: they move the model but tell a person nothing.
     */
    @Override
    public List<HeadExplanation> explain(BugReport report, int top) {
        float[] base = vector(report);
        List<Integer> present = IntStream.range(0, base.length).filter(i -> base[i] != 0).boxed()
                .sorted(Comparator.comparingDouble(i -> -Math.abs(base[i]))).limit(MAX_OCCLUDED).toList();
        float[][] rows = new float[present.size() + 1][];
        rows[0] = base;
        for (int k = 0; k < present.size(); k++) {
            rows[k + 1] = base.clone();
            rows[k + 1][present.get(k)] = 0;
        }
        float[][] embedded = embeddings(List.of(report));
        float[][] sameEmbedding = embedded == null ? null : new float[rows.length][];
        if (sameEmbedding != null) {
            Arrays.fill(sameEmbedding, embedded[0]);
        }
        List<double[][]> outputs = outputs(rows, sameEmbedding);
        List<double[]> votes = embedded == null ? null : votes(embedded[0]);
        ReportKind kind = ReportKind.of(report);
        Optional<String> cosmetic = CosmeticDiff.reason(report.diff());
        List<HeadSpec> heads = bundle.manifest().network().heads();
        List<HeadExplanation> out = new ArrayList<>(heads.size());
        for (int h = 0; h < heads.size(); h++) {
            HeadSpec head = heads.get(h);
            if (cosmetic.isPresent() && head.name().equals(Taxonomy.DL_BUG)) {
                out.add(new HeadExplanation(head.name(), Taxonomy.NOT_DL_BUG, List.of(), cosmetic.get()));
                continue;
            }
            double t = bundle.manifest().calibrationOf(head.name()).of(kind).temperature();
            double[] vote = votes == null ? null : votes.get(h);
            double[][] p = Arrays.stream(outputs.get(h)).map(r -> TemperatureScaling.apply(blend(r, vote), t))
                    .toArray(double[][]::new);
            int label = IntStream.range(0, p[0].length).reduce((a, b) -> p[0][b] > p[0][a] ? b : a).orElse(0);
            out.add(new HeadExplanation(head.name(), head.labels().get(label), attributions(p, label, present, top)));
        }
        return out;
    }

    /** @return the features whose removal lowered the answer's probability most, strongest first */
    private List<Attribution> attributions(double[][] p, int label, List<Integer> present, int top) {
        List<String> names = bundle.vocabulary().features();
        List<Attribution> attributions = new ArrayList<>();
        for (int k = 0; k < present.size(); k++) {
            double weight = p[0][label] - p[k + 1][label];
            String feature = names.get(present.get(k));
            String text = BugReportFeatures.surface(feature);
            if (weight > 0 && !(BugReportFeatures.isContent(feature) && StopWords.onlyStopWords(text))) {
                attributions.add(new Attribution(feature, text, weight));
            }
        }
        attributions.sort(Comparator.comparingDouble(Attribution::weight).reversed());
        return attributions.subList(0, Math.min(top, attributions.size()));
    }

    /** The known bugs most like the report: by sentence embedding where the bundle stores them, else by TF-IDF. */
    @Override
    public List<SimilarBug> similar(BugReport report, int k) {
        float[] tfidf = vector(report);
        float[][] embedded = embeddings(List.of(report));
        return known.similar(embedded == null ? null : embedded[0], tfidf, k);
    }

    /**
     * @param outputs  per head, the network's rows
     * @param embedded the reports' embeddings, or null
     * @return the rows blended with the nearest labelled units' vote, if the bundle asks for it
     */
    private List<double[][]> withNeighbours(List<double[][]> outputs, float[][] embedded) {
        NeighbourConfig config = bundle.manifest().neighbours();
        NearestLabelled neighbours = known.neighbours();
        if (embedded == null || config == null || neighbours == null) {
            return outputs;
        }
        return neighbours.blendAll(outputs, embedded, heads(), config);
    }

    /** @return per head, the nearest labelled units' vote on a report (null where none), or null if the bundle asks for none */
    private List<double[]> votes(float[] embedding) {
        NeighbourConfig config = bundle.manifest().neighbours();
        NearestLabelled neighbours = known.neighbours();
        return config == null || neighbours == null ? null : neighbours.votes(embedding, heads(), config.k());
    }

    /** @return the taxonomy's heads in the network's output order */
    private List<Head> heads() {
        return bundle.manifest().network().heads().stream()
                .map(h -> bundle.manifest().taxonomy().head(h.name())).toList();
    }

    private double[] blend(double[] network, double[] vote) {
        NeighbourConfig config = bundle.manifest().neighbours();
        return config == null ? network : NearestLabelled.blend(network, vote, config.weight());
    }

    /** One network call at a time: DL4J does not promise that a network's inference is thread-safe. */
    private synchronized List<double[][]> outputs(float[][] rows, float[][] embeddings) {
        return NetworkOutputs.probabilities(bundle.network(), rows, embeddings);
    }

    /** @return one embedding per report, or null if the bundle has no embedding input */
    private float[][] embeddings(List<BugReport> reports) {
        return embedder == null ? null : embedder.embed(reports);
    }

    private float[] vector(BugReport report) {
        if (report.isBlank()) {
            throw new NoUsableContentException("the report has no text: title, text and diff are all empty");
        }
        Map<String, Integer> counts = extractor.extract(report);
        if (counts.keySet().stream().filter(BugReportFeatures::isContent).noneMatch(bundle.vocabulary()::contains)) {
            throw new NoUsableContentException("none of the report's words, API names or code tokens is in the "
                    + "model's vocabulary");
        }
        return bundle.vocabulary().vectorize(counts);
    }

    static HeadPrediction headPrediction(HeadSpec head, double[] probs, double threshold) {
        List<HeadPrediction.LabelScore> top = IntStream.range(0, probs.length)
                .mapToObj(i -> new HeadPrediction.LabelScore(head.labels().get(i), probs[i]))
                .sorted(Comparator.comparingDouble(HeadPrediction.LabelScore::score).reversed())
                .toList();
        double best = Math.min(1, Math.max(0, top.get(0).score()));
        return new HeadPrediction(head.name(), top.get(0).label(), best, top, threshold);
    }
}
