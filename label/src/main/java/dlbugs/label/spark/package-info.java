/**
 * {@code label-repos}: labelling many repositories as one Apache Spark job. The driver
 * ({@link dlbugs.label.spark.LabelReposJob}) turns a list of repositories
 * ({@link dlbugs.label.spark.RepoList}) into one task each ({@link dlbugs.label.spark.RepoTask}),
 * which labels it with {@code label-repo}'s scanner and labeler and a model loaded once per
 * executor ({@link dlbugs.label.spark.ExecutorModels}); it then reads every repository's records
 * back with Spark SQL into the study's tables ({@link dlbugs.label.spark.CrossRepoTables},
 * {@link dlbugs.label.spark.CrossRepoReport}).
 */
package dlbugs.label.spark;
