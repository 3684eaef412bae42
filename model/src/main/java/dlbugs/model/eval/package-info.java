/**
 * Measures a model on held-out units: grouped splits that keep a commit or question on one
 * side ({@link dlbugs.model.eval.GroupSplit}) and per-head accuracy and macro-F1 next to a
 * majority guess ({@link dlbugs.model.eval.Evaluator}).
 */
package dlbugs.model.eval;
