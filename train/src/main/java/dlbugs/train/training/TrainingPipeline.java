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
import dlbugs.train.eval.Generalisation;
import dlbugs.train.eval.MajorityModel;
import dlbugs.train.eval.TunedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code dlbugs train} does: grouped k-fold cross-validation of each candidate setting
 * (and of the majority guess, for comparison), and each source held out in turn; each head takes
 * the class weighting of the candidate that served it best over both ({@link HeadwiseSelection});
 * a mix no candidate was is cross-validated on the same folds, and its out-of-fold predictions
 * give the bundle's figures and each head's temperature and threshold; then one final fit of that
 * setting on every unit, bundled.
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
        return candidates(config, trainer(config), epochs);
    }

    private static List<FoldModel> candidates(TrainingConfig config, NetworkTrainer trainer, TrainingListener epochs) {
        return config.candidates().stream()
                .map(c -> (FoldModel) new DlbugsModel(c.candidateName(), trainer, c, epochs)).toList();
    }

    /**
     * @return dlbugs as an evaluation contestant: per outer fold, an inner cross-validation of the
     *         candidates, and each head's weighting chosen on it as {@code train} chooses
     *         ({@link HeadwiseSelection})
     */
    public FoldModel tuned(TrainingConfig config, int innerFolds) {
        NetworkTrainer trainer = trainer(config);
        return new TunedModel(MODEL, candidates(config, trainer, TrainingListener.NONE), innerFolds,
                (taxonomy, inner, models) -> {
                    TrainingConfig chosen = HeadwiseSelection.choose(taxonomy, inner, config.candidates());
                    return new DlbugsModel(chosen.candidateName(), trainer, chosen, TrainingListener.NONE);
                });
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
            int heldOut = Generalisation.parts(Generalisation.CROSS_SOURCE, corpus.items());
            heldOut = heldOut < 2 ? 0 : heldOut;
            int fits = (config.folds() + heldOut) * config.candidates().size();
            CvProgress progress = new CvProgress(listener, fits);
            List<FoldModel> candidates = candidates(config, progress);
            List<FoldModel> models = new ArrayList<>(candidates);
            models.add(new MajorityModel());
            listener.phase(heldOut == 0 ? "cross-validation" : "cross-validation and held-out sources",
                    fits * config.epochs());
            CrossValidator.Progress fitted = (model, fold, folds) -> {
                if (!model.equals(MajorityModel.NAME)) {
                    progress.fitted();
                }
            };
            CrossValidation cv = new CrossValidator(taxonomy).run(corpus.items(), models, config.folds(),
                    config.seed(), true, fitted);
            List<HeadwiseSelection.Judge> judges = new ArrayList<>(List.of(HeadwiseSelection.crossValidated(taxonomy, cv)));
            if (heldOut > 0) {
                judges.add(HeadwiseSelection.heldOut(taxonomy, new Generalisation(taxonomy, new CrossValidator(taxonomy))
                        .run(Generalisation.CROSS_SOURCE, corpus.items(), candidates, config.seed(), true, fitted)));
            }
            chosen = HeadwiseSelection.choose(taxonomy, judges, config.candidates());
            if (!cv.oof().containsKey(chosen.candidateName())) {
                cv = withMix(corpus, chosen, cv, listener);
            }
            calibration = new Calibrator(taxonomy).fit(cv, chosen.candidateName(), config.precisionTarget());
            evaluation = CvScores.summary(taxonomy, cv, chosen.candidateName(), MajorityModel.NAME, "grouped "
                    + config.folds() + "-fold cross-validation on gold units, seed " + config.seed() + ", "
                    + chosen.candidateName() + ", each head's class weighting chosen among "
                    + config.candidates().size() + " candidates on the mean of macro-F1 and accuracy"
                    + (heldOut > 0 ? " over this cross-validation and " + heldOut + " held-out sources" : ""));
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

    /**
     * Cross-validates a mix of the candidates on the same folds, so that the figures and the
     * thresholds are the shipped setting's own.
     */
    private CrossValidation withMix(Corpus corpus, TrainingConfig mix, CrossValidation cv, TrainingListener listener)
            throws Exception {
        CvProgress progress = new CvProgress(listener, mix.folds());
        listener.phase("cross-validation of the chosen mix", mix.folds() * mix.epochs());
        CrossValidation own = new CrossValidator(taxonomy).run(corpus.items(),
                List.of(new DlbugsModel(mix.candidateName(), trainer(mix), mix, progress)), mix.folds(), mix.seed(), true,
                (model, fold, folds) -> progress.fitted());
        if (!Arrays.equals(own.foldOf(), cv.foldOf())) {
            throw new IllegalStateException("the same seed gave other folds");
        }
        Map<String, List<double[][]>> oof = new LinkedHashMap<>(cv.oof());
        oof.putAll(own.oof());
        return new CrossValidation(cv.items(), cv.foldOf(), oof);
    }
}
