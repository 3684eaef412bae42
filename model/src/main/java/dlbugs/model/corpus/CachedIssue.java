package dlbugs.model.corpus;

/**
 * One line of {@code github_issues/issues.jsonl}: an issue's opening post. The file's
 * {@code thread} (the comments, often with the resolution) is deliberately not a component, so
 * it is never read: a user's report has no thread yet, and the annotators found the cause in it.
 *
 * @param id      {@code gi0001}...
 * @param url     the issue's address
 * @param repo    owner/name of its tracker
 * @param library the library as read from the issue (pytorch, tf.keras, mxnet, ...)
 * @param title   the issue's title
 * @param body    the opening post
 */
record CachedIssue(String id, String url, String repo, String library, String title, String body) {
}
