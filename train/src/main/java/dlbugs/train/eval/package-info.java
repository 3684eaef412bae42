/**
 * Evaluation: grouped k-fold cross-validation of {@link dlbugs.train.eval.FoldModel}s on the same
 * folds ({@link dlbugs.train.eval.CrossValidator}), nested model selection
 * ({@link dlbugs.train.eval.TunedModel}), the baselines (majority, fastText; the TF-IDF logistic
 * regression is a {@link dlbugs.train.training.DlbugsModel} without a hidden layer), calibration from
 * out-of-fold predictions ({@link dlbugs.train.eval.Calibrator}) and the {@code metrics.json} and
 * {@code report.html} of {@code dlbugs evaluate}.
 */
package dlbugs.train.eval;
