package dlbugs.train.training;

import dlbugs.model.bundle.ModelBundle;

/**
 * What a training run produced.
 *
 * @param bundle  the model, with its cross-validated figures and calibration in the manifest
 * @param seconds wall time of cross-validation and the final fit
 */
public record TrainingResult(ModelBundle bundle, double seconds) {
}
