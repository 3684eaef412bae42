/**
 * Training: {@link dlbugs.train.training.NetworkTrainer} consumes a corpus and a
 * {@link dlbugs.train.training.TrainingConfig} and produces a bundle with provenance and held-out
 * figures; {@link dlbugs.train.training.TrainingListener} reports progress.
 */
package dlbugs.train.training;
