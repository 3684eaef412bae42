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
import dlbugs.train.eval.FoldModel;
import dlbugs.train.eval.MajorityModel;
import dlbugs.train.eval.TunedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code dlbugs train} does: grouped k-fold cross-validation of each candidate setting
 * (and of the majority guess, for comparison); the candidate with the best mean gold macro-F1
 * is kept, its out-of-fold predictions give the bundle's figures and each head's temperature
 * and threshold; then one final fit of that candidate on every unit, bundled.
 * ({@code dlbugs evaluate} measures this selection honestly, by nested cross-validation.)
 */
public final class TrainingPipeline {

    /** The model name cross-validation reports for dlbugs. */
    public static final String MODEL = "dlbugs";

    private final Taxonomy taxonomy;
    private final ProseTokenizer tokenizer;
    /** One embedder per encoder for the pipeline's life, so every trainer shares its cache. */
    private final Map<String, ReportEmbedder> embedders = new ConcurrentHashMap<>();

    public TrainingPipeline(Taxonomy taxonomy, ProseTokenizer tokenizer) {
        this.taxonomy = taxonomy;
        this.tokenizer = tokenizer;
    }

    /** @return a network trainer extracting this pipeline's features, and embedding with the configured encoder */
    public NetworkTrainer trainer(TrainingConfig config) {
        ReportEmbedder embedder = config.encoder().equals(TextEncoders.NONE) ? null
                : embedders.computeIfAbsent(config.encoder(), ReportEmbedder::open);
        return new NetworkTrainer(taxonomy, new BugReportFeatures(config.features(), tokenizer), embedder);
    }

    /** @return one cross-validation contestant per candidate setting, sharing one feature cache */
    public List<FoldModel> candidates(TrainingConfig config) {
        return candidates(config, TrainingListener.NONE);
    }

    private List<FoldModel> candidates(TrainingConfig config, TrainingListener epochs) {
        NetworkTrainer trainer = trainer(config);
        return config.candidates().stream()
                .map(c -> (FoldModel) new DlbugsModel(c.candidateName(), trainer, c, epochs)).toList();
    }

    /** @return dlbugs as an evaluation contestant: candidates chosen per outer fold by inner CV */
    public FoldModel tuned(TrainingConfig config, int innerFolds) {
        return new TunedModel(MODEL, candidates(config), innerFolds);
    }

    /**
     * @param corpus   imported units
     * @param config   settings (folds 0: no selection, no figures, no calibration)
     * @param run      provenance of the run
     * @param listener progress
     * @return the bundle and the wall time
     * @throws Exception if cross-validation fails
     */
    public TrainingResult run(Corpus corpus, TrainingConfig config, RunInfo run, TrainingListener listener)
            throws Exception {
        long start = System.nanoTime();
        TrainingConfig chosen = config;
        Evaluation evaluation = Evaluation.none();
        List<HeadCalibration> calibration = List.of();
        if (config.folds() > 0) {
            int fits = config.folds() * config.candidates().size();
            CvProgress progress = new CvProgress(listener, fits);
            List<FoldModel> models = new ArrayList<>(candidates(config, progress));
            models.add(new MajorityModel());
            listener.phase("cross-validation", fits * config.epochs());
            CrossValidation cv = new CrossValidator(taxonomy).run(corpus.items(), models, config.folds(),
                    config.seed(), true, (model, fold, folds) -> {
                        if (!model.equals(MajorityModel.NAME)) {
                            progress.fitted();
                        }
                    });
            chosen = best(cv, config);
            calibration = new Calibrator(taxonomy).fit(cv, chosen.candidateName(), config.precisionTarget());
            evaluation = CvScores.summary(taxonomy, cv, chosen.candidateName(), MajorityModel.NAME, "grouped "
                    + config.folds() + "-fold cross-validation on gold units, seed " + config.seed() + ", "
                    + chosen.candidateName() + " chosen among " + config.candidates().size() + " candidates");
        }
        NetworkTrainer trainer = trainer(chosen);
        FittedNetwork fitted = trainer.fit(corpus.items(), chosen, "final fit", listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingResult(trainer.bundle(fitted, corpus, chosen, run, seconds, evaluation, calibration),
                seconds);
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

    private TrainingConfig best(CrossValidation cv, TrainingConfig config) {
        TrainingConfig best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (TrainingConfig c : config.candidates()) {
            double score = TunedModel.meanMacroF1(taxonomy, cv, c.candidateName());
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }
}
