package dlbugs.corrections.testing;

import dlbugs.corrections.NewCorrection;
import dlbugs.corrections.Origin;
import dlbugs.model.api.CorrectionRequest;
import dlbugs.model.corpus.BugReport;

/** Small corrections for tests. */
public final class Corrections {

    private Corrections() {
    }

    /** @return a new correction of report {@code n}'s effect to {@code label}, by {@code author}, from the API */
    public static NewCorrection of(int n, String label, String author) {
        return NewCorrection.of(request(n, "effect", label, author), Origin.API);
    }

    /** @return a request correcting report {@code n} */
    public static CorrectionRequest request(int n, String head, String label, String author) {
        return new CorrectionRequest(new BugReport("report " + n, "the loss is NaN after epoch " + n, "", "keras"), head,
                label, "1.2.3", "Crash", author, null);
    }
}
