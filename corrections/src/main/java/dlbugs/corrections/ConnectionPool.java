package dlbugs.corrections;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few open connections, reused: at most {@code size} in use at once, a caller waiting up to the
 * store's busy timeout for one. A connection that failed is closed rather than handed out again,
 * so a server that went away or a file that was replaced is opened afresh.
 */
final class ConnectionPool implements AutoCloseable {

    private final DataSource source;
    private final Semaphore permits;
    private final long waitMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(DataSource source, int size, long waitMillis) {
        this.source = source;
        this.permits = new Semaphore(size, true);
        this.waitMillis = waitMillis;
    }

    /** @return a connection to hand back with {@link #give}; in auto-commit mode */
    Connection take() throws SQLException {
        try {
            if (closed || !permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException(closed ? "the corrections store is closed"
                        : "every connection stayed busy for " + waitMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        Connection c = idle.pollFirst();
        try {
            return c != null ? c : source.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Takes a connection back; a broken one is closed. */
    void give(Connection c, boolean broken) {
        if (broken || closed) {
            closeQuietly(c);
        } else {
            idle.offerFirst(c);
        }
        permits.release();
    }

    /** Closes the idle connections; the next callers open new ones. */
    void drain() {
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            closeQuietly(c);
        }
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a connection that cannot even close is gone anyway
        }
    }
}
