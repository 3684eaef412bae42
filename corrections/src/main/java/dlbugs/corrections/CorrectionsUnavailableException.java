package dlbugs.corrections;

/**
 * The corrections database cannot be used now: missing and not creatable, read-only, locked,
 * corrupt, or unreachable. The message says which, in one line, without the password.
 */
public final class CorrectionsUnavailableException extends RuntimeException {
    public CorrectionsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
