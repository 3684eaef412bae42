package dlbugs.model.corpus;

/**
 * Choices the importer leaves to its caller.
 *
 * @param titleOnlyQuestions keep gold questions whose body could not be recovered, as their title
 * @param silver             import the silver-labelled simba2024 questions
 */
public record ImportOptions(boolean titleOnlyQuestions, boolean silver) {
    /** Title-only questions and silver posts both included. */
    public static ImportOptions defaults() {
        return new ImportOptions(true, true);
    }
}
