package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.features.WordNgramFeatures;
import dlbugs.model.io.AtomicFile;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.Calibrator;
import dlbugs.train.eval.CrossValidation;
import dlbugs.train.eval.CrossValidator;
import dlbugs.train.eval.FastTextModel;
import dlbugs.train.eval.FoldModel;
import dlbugs.train.eval.Generalisation;
import dlbugs.train.eval.HtmlReport;
import dlbugs.train.eval.MajorityModel;
import dlbugs.train.eval.MetricsDocument;
import dlbugs.train.training.DlbugsModel;
import dlbugs.train.training.NetworkTrainer;
import dlbugs.train.training.TrainingConfig;
import dlbugs.train.training.TrainingListener;
import dlbugs.train.training.TrainingPipeline;
import dlbugs.train.training.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs evaluate}: grouped k-fold cross-validation of dlbugs next to the TF-IDF
 * logistic-regression baseline, the majority guess and (with {@code --fasttext}) fastText, all on
 * the same folds; calibration before and after; {@code metrics.json} and {@code report.html}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Cross-validate dlbugs against baselines on the same grouped folds; write metrics.json and report.html.")
public class EvaluateCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions corpus;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    EncoderOptions encoder;

    @Option(names = "--folds", description = "Folds, grouped by commit/question (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--seed", description = "Seed of the folds and the models (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--epochs", description = "Epochs of every network fit (default: ${DEFAULT-VALUE}, as train; "
            + "the logistic regression baseline gets 1.5 times as many).")
    int epochs = TrainingConfig.defaults().epochs();

    @Option(names = "--seeds", description = "Repeat with this many seeds (seed, seed+1, ...) to show the spread (default: ${DEFAULT-VALUE}).")
    int seeds = 1;

    @Option(names = "--report", paramLabel = "DIR", description = "Where to write metrics.json and report.html (default: ${DEFAULT-VALUE}).")
    Path report = Path.of("out");

    @Option(names = "--no-silver-training", description = "Train on gold only (silver is still scored, separately).")
    boolean noSilverTraining;

    /** Kept so that older scripts still run: evaluate always measures the shipped setting now. */
    @Option(names = "--no-tune", hidden = true)
    boolean noTune;

    @Option(names = "--no-generalisation", description = "Skip the held-out source and held-out library checks.")
    boolean noGeneralisation;

    @Option(names = {"--variant", "--weighting"}, paramLabel = "SPEC", description = "Also evaluate dlbugs with these "
            + "settings changed, as its own contestant everywhere, e.g. hidden=256,max-features=12000,wide=true or "
            + "class-weight-power=0.5,effect=0,github_issues=2,denchmark=0.5 (a head's class weight power, a source's "
            + "loss weight). Settings: epochs, batch-size, hidden, input-dropout, dropout, learning-rate, l2, "
            + "silver-weight, wide, encoder, embed-chars, max-features, diff-shape, knn (the neighbours' vote's weight), "
            + "knn-k. Repeatable.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--fasttext", description = "Also run the fastText baseline (needs the fasttext binary: apt-get install fasttext).")
    boolean fasttext;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (folds < 2 || seeds < 1 || epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2, --seeds and --epochs at least 1");
        }
        if (fasttext && !FastTextModel.available("fasttext")) {
            throw new ParameterException(spec.commandLine(), "--fasttext needs the fasttext binary on PATH (apt-get install fasttext)");
        }
        long start = System.nanoTime();
        TrainingConfig config = TrainingConfig.defaults().withRun(seed, epochs, folds, corpus.importOptions())
                .withEncoder(encoder.name());
        List<Variant> extra = new ArrayList<>();
        for (String v : variants) {
            try {
                extra.add(Variant.parse(config, v, Taxonomy.islam2019().heads().stream().map(Head::name).toList()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--variant " + v + ": " + e.getMessage());
            }
        }
        Taxonomy taxonomy = Taxonomy.islam2019();
        Corpus c = corpus.load(taxonomy, corpus.importOptions());
        List<FoldModel> models = models(taxonomy, config, extra);
        List<Generalisation.Check> checks = noGeneralisation ? List.of() : Generalisation.CHECKS;
        long fits = (long) folds * models.size() * seeds + checks.stream()
                .mapToLong(k -> (long) Generalisation.parts(k, c.items()) * models.size()).sum();
        List<CrossValidation> runs = new ArrayList<>();
        ObjectNode generalisation = JsonNodeFactory.instance.objectNode();
        try (ProgressMeter bar = progressOptions.open("evaluate", fits, "fits")) {
            for (int s = 0; s < seeds; s++) {
                runs.add(new CrossValidator(taxonomy).run(c.items(), models, folds, seed + s, !noSilverTraining,
                        (model, fold, total) -> progress(bar, model, fold, total)));
            }
            Generalisation g = new Generalisation(taxonomy, new CrossValidator(taxonomy));
            for (Generalisation.Check check : checks) {
                generalisation.set(check.name(), g.run(check, c.items(), models, seed, !noSilverTraining,
                        (model, part, total) -> progress(bar, model + " " + check.name(), part, total)));
            }
        }
        CrossValidation main = runs.get(0);
        Calibrator calibrator = new Calibrator(taxonomy);
        List<double[][]> crossFitted = calibrator.crossFitted(main, TrainingPipeline.MODEL);
        List<HeadCalibration> calibration = calibrator.fit(main, TrainingPipeline.MODEL, crossFitted,
                config.precisionTarget());
        ObjectNode doc = new MetricsDocument(taxonomy).build(header(c, start), main, TrainingPipeline.MODEL,
                crossFitted, calibration);
        if (seeds > 1) {
            doc.set("seedSpread", SeedSpread.of(taxonomy, runs));
        }
        if (!checks.isEmpty()) {
            doc.set("generalisation", generalisation);
        }
        ArrayNode notes = doc.putArray("notes");
        notes.add("dlbugs: the setting train ships (" + config.candidateName() + "); each variant changes it as its name says");
        notes.add("tfidf-logreg: word unigrams and bigrams, TF-IDF, one softmax regression per head (Adam, L2 1e-4, "
                + config.asLogisticRegression().epochs() + " epochs), without the rules dlbugs answers by");
        if (!checks.isEmpty()) {
            notes.add("generalisation checks: the held-out stackoverflow part is the study's questions and simba2024's together");
        }
        doc.put("seconds", (System.nanoTime() - start) / 1e9);
        AtomicFile.writeString(report.resolve("metrics.json"), MetricsDocument.toJson(doc));
        AtomicFile.writeString(report.resolve("report.html"), HtmlReport.render(doc));
        spec.commandLine().getOut().print(EvaluationSummary.of(doc));
        spec.commandLine().getOut().println("wrote " + report.resolve("metrics.json") + " and " + report.resolve("report.html"));
        return 0;
    }

    private static synchronized void progress(ProgressMeter bar, String model, int fold, int folds) {
        bar.detail(model + " fold " + fold + "/" + folds);
        bar.step();
    }

    private List<FoldModel> models(Taxonomy taxonomy, TrainingConfig config, List<Variant> extra) {
        List<FoldModel> models = new ArrayList<>();
        TrainingPipeline pipeline = new TrainingPipeline(taxonomy, new ProseTokenizer());
        models.add(new DlbugsModel(TrainingPipeline.MODEL, pipeline.trainer(config), config, TrainingListener.NONE));
        for (Variant v : extra) {
            models.add(new DlbugsModel(v.contestant(), pipeline.trainer(v.config()), v.config(), TrainingListener.NONE));
        }
        TrainingConfig lr = config.asLogisticRegression();
        models.add(DlbugsModel.baseline("tfidf-logreg", new NetworkTrainer(taxonomy,
                new WordNgramFeatures(lr.features().maxCodeChars())), lr));
        if (fasttext) {
            models.add(new FastTextModel("fasttext"));
        }
        models.add(new MajorityModel());
        return models;
    }

    private Map<String, Object> header(Corpus c, long start) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("command", "dlbugs " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        h.put("createdAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        h.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        h.put("corpusHash", c.hash());
        h.put("folds", folds);
        h.put("seed", seed);
        h.put("seeds", seeds);
        h.put("silverInTraining", !noSilverTraining);
        h.put("encoder", encoder.name());
        return h;
    }
}
