package dlbugs.model.corpus;

/**
 * What a bug report says: a title, its prose, an optional diff or code, and the DL library it
 * concerns. This is both a corpus item's text and the predictor's input.
 *
 * @param title   one-line summary (question title, commit subject); may be empty
 * @param text    prose (question body, commit message); may be empty
 * @param diff    unified diff or code; may be empty
 * @param library the library, folded to its canonical name ({@code PyTorch} → {@code torch}, see
 *                {@link Libraries}); may be empty
 */
public record BugReport(String title, String text, String diff, String library) {

    public BugReport {
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text;
        diff = diff == null ? "" : diff;
        library = Libraries.canonical(library);
    }

    /** @return true if title, text and diff are all blank */
    public boolean isBlank() {
        return title.isBlank() && text.isBlank() && diff.isBlank();
    }
}
