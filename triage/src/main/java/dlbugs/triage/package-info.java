/**
 * Triage where maintainers work: labels GitHub issues with the model's accepted answers. It
 * consumes a {@link dlbugs.model.predict.Predictor} and GitHub's REST API (the JDK's HTTP client
 * with Jackson), and produces a {@link dlbugs.triage.TriagePlan} per issue, then, when asked, the
 * label and comment calls that carry it out. The {@code dlbugs triage} command and the service's
 * {@code POST /github/webhook} both plan and apply through {@link dlbugs.triage.TriagePlanner}
 * and {@link dlbugs.triage.PlanApplier}, so they answer alike.
 */
package dlbugs.triage;
