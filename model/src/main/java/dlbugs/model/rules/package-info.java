/**
 * What a report makes certain without the model: {@link dlbugs.model.rules.CosmeticDiff} reads a
 * diff and says when every line it changes is cosmetic (comments, docstrings, whitespace, strings
 * of print and log calls, documentation prose, files that are not code), so the commit fixes no
 * DL bug. The predictor and the evaluation apply it alike.
 */
package dlbugs.model.rules;
