package dlbugs.model.features;

/** The text encoder a model needs is not on the classpath, or is another model under its name; the message says which. */
public class EncoderUnavailableException extends Exception {
    public EncoderUnavailableException(String message) {
        super(message);
    }
}
