package dlbugs.model.corpus;

/** A corpus file is missing, unreadable or not in the documented schema. */
public class CorpusFormatException extends Exception {
    public CorpusFormatException(String message) {
        super(message);
    }

    public CorpusFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
