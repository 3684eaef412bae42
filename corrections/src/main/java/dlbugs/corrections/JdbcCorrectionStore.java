package dlbugs.corrections;

import dlbugs.model.api.CorrectionRequest;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.ReportDigest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The corrections table over JDBC, on either database ({@link Database}). The schema's migrations
 * run at first use, and again at the next use if they failed, so a database that was unavailable
 * when the service started serves once it is back. Every SQL failure becomes a
 * {@link CorrectionsUnavailableException}; a write is one transaction, committed before it returns.
 */
final class JdbcCorrectionStore implements CorrectionStore {

    private static final String COLUMNS = "digest, title, body, diff, library, model_version, answer, head, label, author,"
            + " origin, note, created_at, status, reviewed_by, reviewed_at";
    private static final String INSERT = "INSERT INTO corrections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?) ON CONFLICT (digest, head, label, author) DO NOTHING";
    private static final String FIND = "SELECT id FROM corrections WHERE digest = ? AND head = ? AND label = ? AND author = ?";
    private static final String SELECT = "SELECT id, " + COLUMNS + " FROM corrections";

    /** A unit of work on one connection. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private final Database db;
    private final ConnectionPool pool;
    private final ReentrantLock writer = new ReentrantLock();
    private final Clock clock;
    private volatile boolean migrated;

    JdbcCorrectionStore(Database db, ConnectionPool pool, Clock clock) {
        this.db = db;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Recorded record(NewCorrection correction) {
        CorrectionRequest r = correction.request();
        String digest = ReportDigest.of(r.report());
        long now = clock.millis();
        return write(c -> {
            int inserted;
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                Object[] values = {digest, r.report().title(), r.report().text(), r.report().diff(), r.report().library(),
                        r.modelVersion(), r.answer(), r.head(), r.label(), r.author(), correction.origin().label(), r.note(),
                        now, correction.status().label(), correction.reviewer(),
                        correction.reviewer() == null ? null : now};
                for (int i = 0; i < values.length; i++) {
                    bind(s, i + 1, values[i]);
                }
                inserted = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setString(1, digest);
                s.setString(2, r.head());
                s.setString(3, r.label());
                s.setString(4, r.author());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the correction was neither inserted nor found");
                    }
                    return new Recorded(rs.getLong(1), inserted == 1);
                }
            }
        });
    }

    @Override
    public Optional<Correction> get(long id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Correction> list(CorrectionQuery q) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE id > ?");
        List<Object> params = new ArrayList<>(List.of(q.after()));
        if (q.status() != null) {
            sql.append(" AND status = ?");
            params.add(q.status().label());
        }
        if (q.head() != null) {
            sql.append(" AND head = ?");
            params.add(q.head());
        }
        if (q.since() != null) {
            sql.append(" AND created_at >= ?");
            params.add(q.since().toEpochMilli());
        }
        sql.append(" ORDER BY id LIMIT ?");
        params.add(q.limit());
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    bind(s, i + 1, params.get(i));
                }
                List<Correction> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Correction review(long id, Status status, String reviewer) {
        if (status == Status.NEW || reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review accepts or rejects, and names its reviewer");
        }
        write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE corrections SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?")) {
                s.setString(1, status.label());
                s.setString(2, reviewer.strip());
                s.setLong(3, clock.millis());
                s.setLong(4, id);
                if (s.executeUpdate() == 0) {
                    throw new NoSuchCorrectionException(id);
                }
                return null;
            }
        });
        return get(id).orElseThrow(() -> new NoSuchCorrectionException(id));
    }

    @Override
    public void close() {
        pool.close();
    }

    private <T> T read(Work<T> work) {
        ready();
        return run(work, false);
    }

    private <T> T write(Work<T> work) {
        ready();
        if (!db.oneWriter()) {
            return run(work, true);
        }
        writer.lock();
        try {
            return run(work, true);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Applies the migrations once, before the first statement (again on the next call if they
     * failed). Once migrated, an SQLite file that disappeared stays unavailable until it is back.
     */
    private void ready() {
        if (migrated) {
            if (!db.present()) {
                pool.drain();
                throw new CorrectionsUnavailableException("the corrections database " + db.location()
                        + " is missing (deleted or moved); put it back, or restart the service to begin a new one", null);
            }
            return;
        }
        synchronized (this) {
            if (!migrated) {
                try {
                    db.migrate();
                } catch (IOException | RuntimeException e) {
                    throw unavailable(e);
                }
                migrated = true;
            }
        }
    }

    private <T> T run(Work<T> work, boolean transaction) {
        Connection c;
        try {
            c = pool.take();
        } catch (SQLException e) {
            throw unavailable(e);
        }
        boolean broken = true;
        try {
            if (transaction) {
                c.setAutoCommit(false);
            }
            T result = work.on(c);
            if (transaction) {
                c.commit();
                c.setAutoCommit(true);
            }
            broken = false;
            return result;
        } catch (SQLException e) {
            throw unavailable(e);
        } finally {
            if (broken && transaction) {
                rollback(c);
            }
            pool.give(c, broken);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; the database drops what was not committed
        }
    }

    private CorrectionsUnavailableException unavailable(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int eol = m.indexOf('\n');
        return new CorrectionsUnavailableException("the corrections database " + db.location() + " cannot be used: "
                + (eol < 0 ? m : m.substring(0, eol)), e);
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL); // untyped: the column says what it is
        } else if (value instanceof Long l) {
            s.setLong(index, l);
        } else if (value instanceof Integer i) {
            s.setInt(index, i);
        } else {
            s.setString(index, value.toString());
        }
    }

    private static Correction row(ResultSet rs) throws SQLException {
        long reviewedAt = rs.getLong("reviewed_at");
        Instant reviewed = rs.wasNull() ? null : Instant.ofEpochMilli(reviewedAt);
        return new Correction(rs.getLong("id"), new BugReport(rs.getString("title"), rs.getString("body"),
                rs.getString("diff"), rs.getString("library")), rs.getString("digest"), rs.getString("model_version"),
                rs.getString("answer"), rs.getString("head"), rs.getString("label"), rs.getString("author"),
                Origin.parse(rs.getString("origin")).orElseThrow(), rs.getString("note"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Status.parse(rs.getString("status")).orElseThrow(),
                rs.getString("reviewed_by"), reviewed);
    }
}
