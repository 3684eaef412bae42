package dlbugs.datasets;

/** Something could not be fetched or verified; the message says what and where. */
public final class FetchException extends RuntimeException {
    public FetchException(String message) {
        super(message);
    }
}
