package dlbugs.label.repo;

import java.util.List;

/**
 * One labelled commit (or, with {@code --per-hunk}, one labelled hunk of it): what
 * {@code label-repo} writes per line.
 *
 * @param sha          commit id
 * @param date         author date, ISO-8601 with offset
 * @param author       author name
 * @param subject      first line of the message
 * @param library      the DL library its changed code uses
 * @param files        paths the commit touches (capped)
 * @param dlFiles      the DL-relevant ones, which the model read
 * @param truncated    true if a diff was cut at the cap
 * @param hunk         the hunk labelled, or null for a whole commit
 * @param modelVersion version of the model that labelled it
 * @param heads        one label per head, in the model's head order
 */
public record LabelRecord(String sha, String date, String author, String subject, String library,
                          List<String> files, List<String> dlFiles, boolean truncated, Hunk hunk,
                          String modelVersion, List<HeadLabel> heads) {

    public LabelRecord {
        files = List.copyOf(files);
        dlFiles = List.copyOf(dlFiles);
        heads = List.copyOf(heads);
    }

    /** @return what identifies the record in an output file: the sha, plus the hunk if any */
    public String key() {
        return key(sha, hunk);
    }

    static String key(String sha, Hunk hunk) {
        return hunk == null ? sha : sha + " " + hunk.file() + "#" + hunk.index();
    }

    /**
     * A hunk of a commit.
     *
     * @param file  its file
     * @param index its position in the file's diff, from 0
     */
    public record Hunk(String file, int index) {
    }

    /**
     * One head's label.
     *
     * @param head       head name
     * @param label      predicted label
     * @param confidence its calibrated probability
     * @param accepted   true if the confidence clears the threshold
     */
    public record HeadLabel(String head, String label, double confidence, boolean accepted) {
    }
}
