package dlbugs.model.eval;

/**
 * How one head did on held-out gold units, next to always guessing the training majority.
 *
 * @param head             head name
 * @param support          held-out units labelled for this head
 * @param accuracy         share of units whose majority label was predicted
 * @param macroF1          F1 averaged over the labels present in truth or prediction
 * @param majorityLabel    the most frequent training label
 * @param majorityAccuracy accuracy of always answering {@code majorityLabel}
 * @param majorityMacroF1  macro-F1 of always answering {@code majorityLabel}
 */
public record HeadEvaluation(String head, int support, double accuracy, double macroF1, String majorityLabel,
                             double majorityAccuracy, double majorityMacroF1) {
}
