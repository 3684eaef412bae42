package dlbugs.serve.api;

/**
 * Body of {@code POST /classify}. Absent fields are null; at least one of title, text and diff
 * must be non-blank, which the request reader checks.
 *
 * @param title   one-line summary
 * @param text    prose of the report
 * @param diff    unified diff or code
 * @param library   DL library the report concerns, e.g. {@code keras}
 * @param threshold confidence in [0, 1] an answer needs to count as accepted; null for each
 *                  head's own threshold from the model
 */
public record ClassifyRequest(String title, String text, String diff, String library, Double threshold) {
}
