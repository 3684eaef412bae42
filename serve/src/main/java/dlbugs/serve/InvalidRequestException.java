package dlbugs.serve;

/** The request body is a JSON object but not a valid request: the message names the field. */
class InvalidRequestException extends RuntimeException {
    InvalidRequestException(String message) {
        super(message);
    }
}
