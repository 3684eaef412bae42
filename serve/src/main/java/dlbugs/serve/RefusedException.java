package dlbugs.serve;

/**
 * A request refused before anything was done (admin token, webhook signature, ...): the status,
 * the error code and the message of the JSON error body {@link ErrorMapping} writes.
 */
final class RefusedException extends RuntimeException {

    final int status;
    final String code;
    /** The {@code WWW-Authenticate} challenge sent with a 401, or null for none. */
    final String challenge;

    RefusedException(int status, String code, String message) {
        this(status, code, message, null);
    }

    RefusedException(int status, String code, String message, String challenge) {
        super(message);
        this.status = status;
        this.code = code;
        this.challenge = challenge;
    }
}
