package dlbugs.train.training;

import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.BugReportFeatures;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.Calibrator;
import dlbugs.train.eval.CrossValidation;
import dlbugs.train.eval.CrossValidator;
import dlbugs.train.eval.CvScores;
import dlbugs.train.eval.MajorityModel;

import java.util.List;

/**
 * What {@code dlbugs train} does: grouped k-fold cross-validation of the network (and of the
 * majority guess, for comparison) to measure it and to fit each head's temperature and
 * threshold on out-of-fold predictions, then one final fit on every unit, bundled.
 */
public final class TrainingPipeline {

    /** The model name cross-validation uses for dlbugs. */
    public static final String MODEL = "dlbugs";

    private final Taxonomy taxonomy;
    private final ProseTokenizer tokenizer;

    public TrainingPipeline(Taxonomy taxonomy, ProseTokenizer tokenizer) {
        this.taxonomy = taxonomy;
        this.tokenizer = tokenizer;
    }

    /** @return the network trainer of this pipeline's features */
    public NetworkTrainer trainer(TrainingConfig config) {
        return new NetworkTrainer(taxonomy, new BugReportFeatures(config.features(), tokenizer));
    }

    /**
     * @param corpus   imported units
     * @param config   settings (folds 0: no cross-validation, no calibration)
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
            CrossValidation cv = new CrossValidator(taxonomy).run(corpus.items(),
                    List.of(new DlbugsModel(MODEL, trainer, config, listener), new MajorityModel()),
                    config.folds(), config.seed(), true, (model, fold, folds) -> { });
            calibration = new Calibrator(taxonomy).fit(cv, MODEL, config.precisionTarget());
            evaluation = CvScores.summary(taxonomy, cv, MODEL, "majority",
                    "grouped " + config.folds() + "-fold cross-validation on gold units, seed " + config.seed());
        }
        FittedNetwork fitted = trainer.fit(corpus.items(), config, "final fit", listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingResult(trainer.bundle(fitted, corpus, config, run, seconds, evaluation, calibration),
                seconds);
    }
}
