package dlbugs.corrections;

import java.time.Clock;

/** Opens the corrections store a {@link StoreLocation} names. */
public final class CorrectionStores {

    /** How long a statement waits for a lock (SQLite's busy timeout, PostgreSQL's lock timeout) by default. */
    public static final long DEFAULT_BUSY_MILLIS = 5_000;
    private static final int SQLITE_CONNECTIONS = 4;
    private static final int POSTGRES_CONNECTIONS = 8;

    private CorrectionStores() {
    }

    /**
     * Opens the store, creating a missing SQLite file (and its folder) on first use. Nothing is
     * read or migrated until the first call; a database that cannot be used then makes that call,
     * and only it, fail with {@link CorrectionsUnavailableException}.
     *
     * @param busyMillis how long a statement waits for a lock before the store answers unavailable
     */
    public static CorrectionStore open(StoreLocation location, long busyMillis) {
        return open(location, busyMillis, true, Clock.systemUTC());
    }

    /**
     * Opens a store that must exist already (to read it, as training does).
     *
     * @throws CorrectionsUnavailableException if an SQLite file is not there
     */
    public static CorrectionStore openExisting(StoreLocation location) {
        return open(location, DEFAULT_BUSY_MILLIS, false, Clock.systemUTC());
    }

    /** @return a store that answers every call with {@link CorrectionsUnavailableException}, saying why */
    public static CorrectionStore none(String why) {
        return new CorrectionStore() {
            @Override
            public Recorded record(NewCorrection correction) {
                throw new CorrectionsUnavailableException(why, null);
            }

            @Override
            public java.util.Optional<Correction> get(long id) {
                throw new CorrectionsUnavailableException(why, null);
            }

            @Override
            public java.util.List<Correction> list(CorrectionQuery query) {
                throw new CorrectionsUnavailableException(why, null);
            }

            @Override
            public Correction review(long id, Status status, String reviewer) {
                throw new CorrectionsUnavailableException(why, null);
            }

            @Override
            public void close() {
                // nothing is open
            }
        };
    }

    static CorrectionStore open(StoreLocation location, long busyMillis, boolean create, Clock clock) {
        Database db = Database.of(location, busyMillis, create);
        return new JdbcCorrectionStore(db, new ConnectionPool(db.source(),
                location.postgres() ? POSTGRES_CONNECTIONS : SQLITE_CONNECTIONS, busyMillis), clock);
    }
}
