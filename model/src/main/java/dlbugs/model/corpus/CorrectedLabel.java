package dlbugs.model.corpus;

import java.util.Objects;

/**
 * One accepted correction as training reads it: a person's label for one head of a report.
 *
 * @param id     the correction's id in its store (ids grow as corrections are recorded)
 * @param report the corrected report
 * @param head   the head, e.g. {@code effect}
 * @param label  the right label, one of the head's ({@code Not a DL bug} for {@code dl_bug})
 */
public record CorrectedLabel(long id, BugReport report, String head, String label) {
    public CorrectedLabel {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(label, "label");
    }
}
