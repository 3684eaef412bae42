package dlbugs.train.training;

import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.BugReportFeatures;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.features.ReportEmbedder;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.Calibrator;
import dlbugs.train.eval.CrossValidation;
import dlbugs.train.eval.CrossValidator;
import dlbugs.train.eval.CvScores;
import dlbugs.train.eval.MajorityModel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code dlbugs train} does: grouped k-fold cross-validation of the configured setting (and of
 * the majority guess, for comparison), whose out-of-fold answers give the bundle's figures per
 * head and per source and each head's temperature and threshold, per kind of report; then one
 * final fit of the setting on every unit, bundled. The setting itself is chosen by
 * {@code dlbugs evaluate}'s experiments ({@code --variant}), per source, per repository and across
 * sources, and written into {@link TrainingConfig#defaults()}.
 */
public final class TrainingPipeline {

    /** The model name cross-validation reports for dlbugs. */
    public static final String MODEL = "dlbugs";

    private final Taxonomy taxonomy;
    private final ProseTokenizer tokenizer;
    /** One embedder per encoder and text length for the pipeline's life, so every trainer shares its cache. */
    private final Map<String, ReportEmbedder> embedders = new ConcurrentHashMap<>();

    public TrainingPipeline(Taxonomy taxonomy, ProseTokenizer tokenizer) {
        this.taxonomy = taxonomy;
        this.tokenizer = tokenizer;
    }

    /** @return a network trainer extracting this pipeline's features, and embedding with the configured encoder */
    public NetworkTrainer trainer(TrainingConfig config) {
        ReportEmbedder embedder = config.encoder().equals(TextEncoders.NONE) ? null
                : embedders.computeIfAbsent(config.encoder() + "/" + config.embedChars(),
                        k -> ReportEmbedder.open(config.encoder(), config.embedChars()));
        return new NetworkTrainer(taxonomy, new BugReportFeatures(config.features(), tokenizer), embedder);
    }

    /**
     * @param corpus   imported units
     * @param config   settings (folds 0: no figures, no calibration)
     * @param run      provenance of the run
     * @param listener progress
     * @return the bundle and the wall time
     * @throws Exception if cross-validation fails
     */
    public TrainingResult run(Corpus corpus, TrainingConfig config, RunInfo run, TrainingListener listener)
            throws Exception {
        long start = System.nanoTime();
        NetworkTrainer trainer = trainer(config);
        Evaluation evaluation = Evaluation.none();
        List<HeadCalibration> calibration = List.of();
        if (config.folds() > 0) {
            CvProgress progress = new CvProgress(listener, config.folds());
            listener.phase("cross-validation", config.folds() * config.epochs());
            CrossValidation cv = new CrossValidator(taxonomy).run(corpus.items(),
                    List.of(new DlbugsModel(MODEL, trainer, config, progress), new MajorityModel()), config.folds(),
                    config.seed(), true, (model, fold, folds) -> {
                        if (model.equals(MODEL)) {
                            progress.fitted();
                        }
                    });
            calibration = new Calibrator(taxonomy).fit(cv, MODEL, config.precisionTarget());
            evaluation = CvScores.summary(taxonomy, cv, MODEL, MajorityModel.NAME, "grouped " + config.folds()
                    + "-fold cross-validation (commits and questions grouped by commit or question, issues and "
                    + "candidate commits by repository), seed " + config.seed() + ", " + config.candidateName());
        }
        FittedNetwork fitted = trainer.fit(corpus.items(), config, "final fit", listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingResult(trainer.bundle(fitted, corpus, config, run, seconds, evaluation, calibration), seconds);
    }

    /**
     * Counts cross-validation in epochs, every fold's fits together, so the phase moves as the
     * networks learn rather than once per finished fit. Fits run concurrently; the count is
     * taken and reported under one lock so it never goes backwards.
     */
    private static final class CvProgress implements TrainingListener {
        private final TrainingListener listener;
        private final int fits;
        private int epochs;
        private int fitted;

        CvProgress(TrainingListener listener, int fits) {
            this.listener = listener;
            this.fits = fits;
        }

        @Override
        public synchronized void progress(int epoch, String loss) {
            listener.progress(++epochs, fitted + "/" + fits + " fits done");
        }

        synchronized void fitted() {
            fitted++;
        }
    }
}
