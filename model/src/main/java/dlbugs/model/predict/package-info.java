/**
 * Answers bug reports on every head: {@link dlbugs.model.predict.Predictor} is the contract the
 * service and the CLI use; {@link dlbugs.model.predict.BundlePredictor} answers with a bundle.
 * Reports with nothing usable are refused with {@link dlbugs.model.predict.NoUsableContentException}.
 */
package dlbugs.model.predict;
