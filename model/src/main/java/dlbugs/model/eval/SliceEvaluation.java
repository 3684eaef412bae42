package dlbugs.model.eval;

/**
 * How one head did on one slice of the held-out units (a source: the study's commits or questions,
 * simba2024's questions, GitHub issues, Denchmark, commits), next to always answering the
 * majority; for a source whose folds group reports by repository, also averaged over repositories.
 *
 * @param slice            e.g. {@code denchmark}, {@code gold/github}
 * @param head             head name
 * @param n                held-out units of the slice labelled for the head
 * @param accuracy         share answered right
 * @param macroF1          F1 averaged over the labels present in truth or answer
 * @param majorityAccuracy accuracy of always answering the training majority
 * @param repositories     repositories the slice spans (0: not grouped by repository)
 * @param repositoryMeanAccuracy accuracy averaged over those repositories, each counting once (NaN without)
 */
public record SliceEvaluation(String slice, String head, int n, double accuracy, double macroF1, double majorityAccuracy,
                              int repositories, double repositoryMeanAccuracy) {
}
