package dlbugs.model.api;

/**
 * A classify request that cannot be read: not a JSON object ({@link #INVALID_JSON}) or not the
 * documented fields and values ({@link #INVALID_REQUEST}). The message says what was wrong in
 * words a caller can act on, never the parser's internals.
 */
public final class RequestException extends RuntimeException {

    /** The body is empty, malformed, not UTF-8, nested too deep, or a JSON value other than an object. */
    public static final String INVALID_JSON = "invalid_json";
    /** A field is unknown, of the wrong type or out of range, or the report says nothing. */
    public static final String INVALID_REQUEST = "invalid_request";

    private final String code;

    RequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    static RequestException json(String message) {
        return new RequestException(INVALID_JSON, message);
    }

    static RequestException request(String message) {
        return new RequestException(INVALID_REQUEST, message);
    }

    /** @return {@link #INVALID_JSON} or {@link #INVALID_REQUEST}, the {@code error} of the answer */
    public String code() {
        return code;
    }
}
