package dlbugs.model.bundle;

/** A file is not a model bundle this version of dlbugs can read; the message says why. */
public class BundleFormatException extends Exception {
    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
