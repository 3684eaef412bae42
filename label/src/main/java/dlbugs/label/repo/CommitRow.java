package dlbugs.label.repo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the report's per-commit table: what a record says, without its file lists.
 *
 * @param sha     commit id
 * @param date    author date as the record has it (ISO-8601 with offset)
 * @param subject first line of the message
 * @param library the DL library its changed code uses
 * @param hunk    the hunk labelled, or null for a whole commit
 * @param heads   one label per head, in the model's head order
 */
public record CommitRow(String sha, String date, String subject, String library, LabelRecord.Hunk hunk,
                        List<LabelRecord.HeadLabel> heads) {

    /** Newest first, as the walk goes; a date that does not parse sorts last. */
    static final Comparator<CommitRow> NEWEST_FIRST = Comparator.comparing(CommitRow::instant).reversed();

    public CommitRow {
        heads = List.copyOf(heads);
    }

    static CommitRow of(LabelRecord r) {
        return new CommitRow(r.sha(), r.date(), r.subject(), r.library(), r.hunk(), r.heads());
    }

    /** @return the sha's first 7 characters, as git and GitHub show it */
    public String shortSha() {
        return sha.substring(0, Math.min(7, sha.length()));
    }

    private Instant instant() {
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
