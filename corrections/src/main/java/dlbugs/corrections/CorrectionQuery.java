package dlbugs.corrections;

import java.time.Instant;

/**
 * Which corrections to list: filters (null for any) and a page, in id order.
 *
 * @param status only those with this status
 * @param head   only those of this head
 * @param since  only those recorded at or after this time
 * @param after  only those with a greater id (the cursor of the next page; 0 from the start)
 * @param limit  at most this many, 1 to {@link #MAX_LIMIT}
 */
public record CorrectionQuery(Status status, String head, Instant since, long after, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1_000;
    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 100;

    public CorrectionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " corrections, got " + limit);
        }
        if (after < 0) {
            throw new IllegalArgumentException("'after' is an id, not negative; got " + after);
        }
    }

    /** @return every correction with this status, from the start, a page of the largest size */
    public static CorrectionQuery all(Status status) {
        return new CorrectionQuery(status, null, null, 0, MAX_LIMIT);
    }

    /** @return the same query, for the page after the correction with this id */
    public CorrectionQuery after(long id) {
        return new CorrectionQuery(status, head, since, id, limit);
    }
}
