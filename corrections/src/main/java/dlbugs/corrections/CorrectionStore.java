package dlbugs.corrections;

import java.util.List;
import java.util.Optional;

/**
 * Where corrections are kept. Every method may throw {@link CorrectionsUnavailableException} when
 * the database cannot be used (missing, read-only, locked, corrupt, unreachable); nothing else
 * about the database reaches a caller. Thread-safe.
 */
public interface CorrectionStore extends AutoCloseable {

    /**
     * Records a correction once: the same report, head, label and author is one correction, so a
     * repeat changes nothing and answers the first one's id.
     *
     * @return its id, and whether this call created it
     */
    Recorded record(NewCorrection correction);

    /** @return the correction with this id, if there is one */
    Optional<Correction> get(long id);

    /** @return one page of the corrections the query selects, in id order */
    List<Correction> list(CorrectionQuery query);

    /** @return every correction the query selects, page after page, in id order */
    default List<Correction> every(CorrectionQuery query) {
        List<Correction> all = new java.util.ArrayList<>();
        for (List<Correction> page = list(query); !page.isEmpty(); page = list(query.after(page.get(page.size() - 1).id()))) {
            all.addAll(page);
            if (page.size() < query.limit()) {
                break;
            }
        }
        return all;
    }

    /**
     * Accepts or rejects a correction (again, if it was reviewed before).
     *
     * @param status   {@link Status#ACCEPTED} or {@link Status#REJECTED}
     * @param reviewer who decided
     * @return the correction as it is now
     * @throws NoSuchCorrectionException if there is no correction with this id
     */
    Correction review(long id, Status status, String reviewer);

    /** Closes the store's connections. */
    @Override
    void close();
}
