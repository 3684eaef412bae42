package dlbugs.corrections;

import dlbugs.corrections.testing.Corrections;
import dlbugs.corrections.testing.Postgres;
import dlbugs.corrections.testing.ReadOnlyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that cannot be used (missing and not creatable, read-only, locked, corrupt, gone, or a
 * server that is not there) makes the store's calls fail with one readable line, and the store
 * works again once the database does.
 */
class UnavailableDatabaseTest {

    private static final long BUSY = 300;

    @TempDir
    Path dir;

    private static StoreLocation at(String where) {
        return StoreLocation.parse(where, Map.of());
    }

    @Test
    void an_sqlite_file_that_cannot_be_created_is_unavailable_until_it_can() throws Exception {
        Path blocker = Files.writeString(dir.resolve("var"), "a file where the folder should be");
        try (CorrectionStore store = CorrectionStores.open(at(dir.resolve("var/corrections.db").toString()), BUSY)) {
            assertThatThrownBy(() -> store.record(Corrections.of(1, "Hang", "ada")))
                    .isInstanceOf(CorrectionsUnavailableException.class)
                    .hasMessageContaining("var/corrections.db cannot be used").hasMessageContaining("in the way");
            Files.delete(blocker);
            assertThat(store.record(Corrections.of(1, "Hang", "ada")).created()).isTrue();
        }
    }

    @Test
    void a_read_only_sqlite_file_refuses_writes() throws Exception {
        Path file = dir.resolve("corrections.db");
        try (CorrectionStore store = CorrectionStores.open(at(file.toString()), BUSY)) {
            store.record(Corrections.of(1, "Hang", "ada"));
        }
        try (ReadOnlyFile readOnly = ReadOnlyFile.of(file);
             CorrectionStore store = CorrectionStores.open(at(file.toString()), BUSY)) {
            assertThatThrownBy(() -> store.record(Corrections.of(2, "Hang", "ada")))
                    .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("readonly");
        }
        try (CorrectionStore store = CorrectionStores.open(at(file.toString()), BUSY)) {
            assertThat(store.record(Corrections.of(2, "Hang", "ada")).created()).isTrue();
        }
    }

    @Test
    void a_locked_sqlite_file_is_unavailable_after_the_busy_timeout_and_serves_when_released() throws Exception {
        Path file = dir.resolve("corrections.db");
        try (CorrectionStore store = CorrectionStores.open(at(file.toString()), BUSY)) {
            store.record(Corrections.of(1, "Hang", "ada"));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> store.record(Corrections.of(2, "Hang", "ada")))
                        .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("locked");
                assertThat((System.nanoTime() - t0) / 1e6).isBetween((double) BUSY, 10_000.0);
                s.execute("COMMIT");
            }
            assertThat(store.record(Corrections.of(2, "Hang", "ada")).created()).isTrue();
        }
    }

    @Test
    void a_corrupt_sqlite_file_is_unavailable() throws Exception {
        Path file = Files.write(dir.resolve("corrections.db"), new byte[8192]);
        Files.writeString(file, "this is not an SQLite database ".repeat(200));
        try (CorrectionStore store = CorrectionStores.open(at(file.toString()), BUSY)) {
            assertThatThrownBy(() -> store.list(CorrectionQuery.all(null)))
                    .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("not a database");
            assertThatThrownBy(() -> store.record(Corrections.of(1, "Hang", "ada")))
                    .isInstanceOf(CorrectionsUnavailableException.class);
        }
    }

    @Test
    void an_sqlite_file_deleted_under_a_running_store_is_not_recreated_empty() throws Exception {
        Path file = dir.resolve("corrections.db");
        try (CorrectionStore store = CorrectionStores.open(at(file.toString()), BUSY)) {
            store.record(Corrections.of(1, "Hang", "ada"));
            Files.move(file, dir.resolve("moved.db"));
            assertThatThrownBy(() -> store.record(Corrections.of(2, "Hang", "ada")))
                    .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("is missing");
            assertThat(file).doesNotExist();
            Files.move(dir.resolve("moved.db"), file);
            assertThat(store.list(CorrectionQuery.all(null))).hasSize(1);
        }
    }

    @Test
    void training_refuses_a_store_that_is_not_there() {
        assertThatThrownBy(() -> AcceptedCorrections.read(at(dir.resolve("none.db").toString())))
                .isInstanceOf(CorrectionsUnavailableException.class).hasMessage("no corrections database at "
                        + dir.resolve("none.db"));
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void a_postgresql_database_that_does_not_exist_or_a_server_that_is_not_there_is_unavailable() {
        String url = Postgres.newDatabase();
        String missing = url.replaceAll("/(dlbugs_[0-9_]+)\\?", "/$1_missing?");
        try (CorrectionStore store = CorrectionStores.open(at(missing), BUSY)) {
            assertThatThrownBy(() -> store.record(Corrections.of(1, "Hang", "ada")))
                    .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("does not exist");
        }
        StoreLocation nowhere = StoreLocation.parse("jdbc:postgresql://127.0.0.1:1/dlbugs?user=dlbugs",
                Map.of(StoreLocation.PASSWORD_ENV, "s3cret-pw"));
        try (CorrectionStore store = CorrectionStores.open(nowhere, BUSY)) {
            assertThatThrownBy(() -> store.get(1)).isInstanceOf(CorrectionsUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("s3cret-pw");
        }
    }

    @Test
    void a_read_only_postgresql_database_refuses_writes_and_still_reads() {
        String url = Postgres.newDatabase();
        String name = url.replaceAll(".*/(dlbugs_[0-9_]+)\\?.*", "$1");
        long id;
        try (CorrectionStore store = CorrectionStores.open(at(url), BUSY)) {
            id = store.record(Corrections.of(1, "Hang", "ada")).id();
        }
        Postgres.execute("ALTER DATABASE " + name + " SET default_transaction_read_only = on");
        try (CorrectionStore store = CorrectionStores.open(at(url), BUSY)) {
            assertThat(store.get(id)).isPresent();
            assertThatThrownBy(() -> store.record(Corrections.of(2, "Hang", "ada")))
                    .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("read-only");
        } finally {
            Postgres.execute("ALTER DATABASE " + name + " SET default_transaction_read_only = off");
        }
    }

    @Test
    void a_locked_postgresql_table_is_unavailable_after_the_lock_timeout_and_serves_when_released() throws Exception {
        String url = Postgres.newDatabase();
        try (CorrectionStore store = CorrectionStores.open(at(url), BUSY)) {
            store.record(Corrections.of(1, "Hang", "ada"));
            try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
                other.setAutoCommit(false);
                s.execute("LOCK TABLE corrections IN ACCESS EXCLUSIVE MODE");
                assertThatThrownBy(() -> store.record(Corrections.of(2, "Hang", "ada")))
                        .isInstanceOf(CorrectionsUnavailableException.class).hasMessageContaining("lock timeout");
                other.commit();
            }
            assertThat(store.record(Corrections.of(2, "Hang", "ada")).created()).isTrue();
        }
    }
}
