/**
 * Labelling one git repository ({@code dlbugs label-repo}): {@link dlbugs.label.repo.CommitScanner}
 * walks a revision range with JGit and selects the bug-fix commits that touch DL code,
 * {@link dlbugs.label.repo.RepoLabeler} classifies them with a {@link dlbugs.model.predict.Predictor}
 * and writes {@link dlbugs.label.repo.LabelRecord}s to a resumable {@link dlbugs.label.repo.RecordLog},
 * and {@link dlbugs.label.repo.RepoTally} / {@link dlbugs.label.repo.RepoReport} count them into the
 * study's tables.
 */
package dlbugs.label.repo;
