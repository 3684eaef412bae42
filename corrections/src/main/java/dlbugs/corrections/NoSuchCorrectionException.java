package dlbugs.corrections;

/** A correction id that names no correction. */
public final class NoSuchCorrectionException extends RuntimeException {
    public NoSuchCorrectionException(long id) {
        super("no correction has id " + id);
    }
}
