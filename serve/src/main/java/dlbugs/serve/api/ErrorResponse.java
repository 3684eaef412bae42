package dlbugs.serve.api;

/**
 * The one shape of every error body.
 *
 * @param error   stable machine-readable code, e.g. {@code invalid_json}
 * @param message human-readable text naming the problem
 */
public record ErrorResponse(String error, String message) {
}
