package dlbugs.serve;

/** The request body is not a JSON object: empty, malformed, or some other JSON value. */
class InvalidJsonException extends RuntimeException {
    InvalidJsonException(String message) {
        super(message);
    }
}
