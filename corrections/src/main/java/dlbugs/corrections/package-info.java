/**
 * The corrections store: what people said the right label is when dlbugs answered wrongly, on the
 * page, through the API or the CLI, or by changing a label on GitHub. {@link
 * dlbugs.corrections.CorrectionStore} is the one interface; {@link dlbugs.corrections.CorrectionStores}
 * opens it on an SQLite file (the default) or a PostgreSQL database (several service replicas),
 * with the schema's migrations applied at first use. It consumes {@link
 * dlbugs.model.api.CorrectionRequest}s and produces {@link dlbugs.corrections.Correction}s, and
 * the accepted ones as {@link dlbugs.model.corpus.CorrectedLabel}s for training.
 */
package dlbugs.corrections;
