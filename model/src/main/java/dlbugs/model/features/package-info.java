/**
 * Turns a {@link dlbugs.model.corpus.BugReport} into a vector: CoreNLP prose tokens, code-aware
 * tokens of diffs (added and removed lines apart, dotted API names, error class names) and the
 * library, counted by {@link dlbugs.model.features.BugReportFeatures}, then weighted by a
 * {@link dlbugs.model.features.Vocabulary} frozen from training units only.
 */
package dlbugs.model.features;
