package dlbugs.serve;

/** A reload was refused; the message says why, and the old model keeps serving. */
final class ReloadException extends RuntimeException {
    ReloadException(String message) {
        super(message);
    }
}
