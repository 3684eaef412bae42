package dlbugs.model.predict;

/**
 * A report carries nothing the model can use: no text at all, or no token the model's
 * vocabulary knows. The message names which.
 */
public class NoUsableContentException extends IllegalArgumentException {
    public NoUsableContentException(String message) {
        super(message);
    }
}
