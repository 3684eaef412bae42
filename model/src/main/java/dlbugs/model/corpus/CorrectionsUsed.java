package dlbugs.model.corpus;

/**
 * Which corrections a corpus merged, for a bundle's provenance.
 *
 * @param count  corrections merged (one per report, head and person)
 * @param upToId the highest id among them; 0 for none
 */
public record CorrectionsUsed(int count, long upToId) {

    /** No correction. */
    public static final CorrectionsUsed NONE = new CorrectionsUsed(0, 0);

    public CorrectionsUsed {
        if (count < 0 || upToId < 0) {
            throw new IllegalArgumentException("counts and ids are not negative");
        }
    }
}
