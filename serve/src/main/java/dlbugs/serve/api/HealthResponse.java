package dlbugs.serve.api;

/**
 * Body of {@code GET /health}.
 *
 * @param status  always {@code ok} while the service answers
 * @param model   model name
 * @param version model version
 */
public record HealthResponse(String status, String model, String version) {
}
