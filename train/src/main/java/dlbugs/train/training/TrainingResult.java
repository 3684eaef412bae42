package dlbugs.train.training;

import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.ImportReport;

/**
 * What a training run produced.
 *
 * @param bundle  the model, with its held-out figures in the manifest
 * @param report  the corpus import report
 * @param seconds wall time of feature extraction and fitting
 */
public record TrainingResult(ModelBundle bundle, ImportReport report, double seconds) {
}
