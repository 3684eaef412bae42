package dlbugs.serve;

/** The inference queue cannot take another request now: it is full or shutting down. */
public class OverloadedException extends RuntimeException {
    public OverloadedException(String message) {
        super(message);
    }
}
