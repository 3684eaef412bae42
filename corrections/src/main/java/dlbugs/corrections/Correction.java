package dlbugs.corrections;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.CorrectedLabel;

import java.time.Instant;

/**
 * A stored correction.
 *
 * @param id           its id (ids grow in the order corrections are recorded)
 * @param report       the report that was answered
 * @param digest       the report's {@link dlbugs.model.corpus.ReportDigest}
 * @param modelVersion the version of the model whose answer was corrected; null if not said
 * @param answer       the answer corrected; null if not said
 * @param head         the corrected head
 * @param label        the right label
 * @param author       who corrected it; "" for no one named
 * @param origin       where it was made
 * @param note         the person's note; null for none
 * @param createdAt    when it was recorded
 * @param status       new, accepted or rejected
 * @param reviewedBy   who accepted or rejected it; null while new
 * @param reviewedAt   when; null while new
 */
public record Correction(long id, BugReport report, String digest, String modelVersion, String answer, String head,
                         String label, String author, Origin origin, String note, Instant createdAt, Status status,
                         String reviewedBy, Instant reviewedAt) {

    /** @return this correction as training reads it */
    public CorrectedLabel asLabel() {
        return new CorrectedLabel(id, report, head, label);
    }
}
