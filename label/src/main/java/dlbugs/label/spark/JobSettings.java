package dlbugs.label.spark;

import java.io.Serializable;

/**
 * What every task of a {@code label-repos} job is told; plain strings, since it travels to the executors.
 *
 * @param out        the output directory (a path every executor sees)
 * @param bundle     the model bundle (a path every executor sees)
 * @param fixPattern what a fix's message contains (a Java regex)
 * @param allCommits consider every commit, not only fixes
 * @param threshold  the confidence a head must reach to be accepted; null for each head's own
 * @param batchSize  units per model call
 */
public record JobSettings(String out, String bundle, String fixPattern, boolean allCommits, Double threshold,
                          int batchSize) implements Serializable {
}
