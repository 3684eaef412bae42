package dlbugs.label.spark;

/**
 * One cell of the study-style tables: how many records of a repository (or of all, {@code repo}
 * "") and a library got {@code label} for {@code head}, and how many of them cleared the threshold.
 */
public record LabelCount(String head, String repo, String library, String label, long records, long accepted) {
}
