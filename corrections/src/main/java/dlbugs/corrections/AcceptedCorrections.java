package dlbugs.corrections;

import dlbugs.model.corpus.CorrectedLabel;

import java.util.List;

/** The accepted corrections as training reads them, in id order. */
public final class AcceptedCorrections {

    private AcceptedCorrections() {
    }

    /** @return every accepted correction of the store */
    public static List<CorrectedLabel> of(CorrectionStore store) {
        return store.every(CorrectionQuery.all(Status.ACCEPTED)).stream().map(Correction::asLabel).toList();
    }

    /**
     * @return every accepted correction of an existing store
     * @throws CorrectionsUnavailableException if it is not there or cannot be read
     */
    public static List<CorrectedLabel> read(StoreLocation location) {
        try (CorrectionStore store = CorrectionStores.openExisting(location)) {
            return of(store);
        }
    }
}
