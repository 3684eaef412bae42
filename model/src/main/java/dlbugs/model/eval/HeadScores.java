package dlbugs.model.eval;

import java.util.List;

/**
 * Everything measured for one head of one model on one slice of units.
 *
 * @param head        head name
 * @param n           units labelled for the head
 * @param accuracy    share answered right (truth: the unit's most voted label)
 * @param macroF1     F1 averaged over labels present in truth or answers
 * @param perClass    per label, in the head's label order
 * @param confusion   rows truth, columns answer, in the head's label order
 * @param ece         expected calibration error of the top label's confidence (10 bins)
 * @param reliability the reliability diagram behind {@code ece}
 * @param coverage    accuracy at 10%, 20%, … 100% coverage, most confident first
 * @param rocAuc      for a two-label head, the area under the ROC curve of its second label; NaN otherwise
 */
public record HeadScores(String head, int n, double accuracy, double macroF1, List<ClassScore> perClass,
                         int[][] confusion, double ece, List<ReliabilityBin> reliability,
                         List<CoveragePoint> coverage, double rocAuc) {
    public HeadScores {
        perClass = List.copyOf(perClass);
        reliability = List.copyOf(reliability);
        coverage = List.copyOf(coverage);
    }
}
