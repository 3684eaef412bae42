package dlbugs.corrections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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

    /**
     * @param raw a date ({@code 2026-12-01}, midnight UTC) or a UTC time ({@code 2026-12-01T09:30:00Z}); null for none
     * @return the time it names, or null
     * @throws IllegalArgumentException naming both forms
     */
    public static Instant since(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date (2026-12-01) or a UTC time (2026-12-01T09:30:00Z), got '"
                    + raw + "'");
        }
    }

    /** @return the same query, for the page after the correction with this id */
    public CorrectionQuery after(long id) {
        return new CorrectionQuery(status, head, since, id, limit);
    }
}
