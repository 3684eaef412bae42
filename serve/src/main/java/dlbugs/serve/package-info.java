/**
 * The dlbugs HTTP service. {@link dlbugs.serve.ServeMain} loads a model bundle into a
 * {@link dlbugs.model.predict.Predictor} and {@link dlbugs.serve.ServeApp} wraps it in a Javalin
 * app answering {@code POST /classify} and {@code GET /health}. Because predictors are not
 * thread-safe, every request goes through one {@link dlbugs.serve.InferenceQueue} that
 * micro-batches reports on a single worker thread; failures become JSON errors in
 * {@code ErrorMapping} only. {@code GitHubWebhookController} takes GitHub's webhook deliveries
 * and hands issues to a {@code WebhookQueue}, which triages them with {@code dlbugs.triage}.
 */
package dlbugs.serve;
