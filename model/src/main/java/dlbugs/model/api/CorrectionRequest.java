package dlbugs.model.api;

import dlbugs.model.corpus.BugReport;

/**
 * A person's correction of one head's answer, as {@code POST /corrections} and
 * {@code dlbugs corrections import} read it.
 *
 * @param report       the report that was answered
 * @param head         the corrected head, e.g. {@code effect}
 * @param label        the right label, one of the head's (for {@code dl_bug}: {@code DL bug} or {@code Not a DL bug})
 * @param modelVersion the version of the model whose answer is corrected; null if not said
 * @param answer       the answer corrected; null if not said
 * @param author       who corrects it: free text or a GitHub login; "" for no one named
 * @param note         why, in the person's words; null for none
 */
public record CorrectionRequest(BugReport report, String head, String label, String modelVersion, String answer,
                                String author, String note) {
}
