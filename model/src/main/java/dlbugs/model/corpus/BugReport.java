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
 * @param kind    what kind of report it is, if its sender says; null to let {@link ReportKind#of}
 *                tell from the text. It chooses the thresholds the answer is judged by, not the answer
 */
public record BugReport(String title, String text, String diff, String library, ReportKind kind) {

    public BugReport {
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text;
        diff = diff == null ? "" : diff;
        library = Libraries.canonical(library);
    }

    /** A report that does not say its kind. */
    public BugReport(String title, String text, String diff, String library) {
        this(title, text, diff, library, null);
    }

    /** @return true if title, text and diff are all blank */
    public boolean isBlank() {
        return title.isBlank() && text.isBlank() && diff.isBlank();
    }
}
