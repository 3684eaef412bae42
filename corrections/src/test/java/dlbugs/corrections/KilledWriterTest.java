package dlbugs.corrections;

import dlbugs.corrections.testing.WriterMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL in the middle of its writes leaves an SQLite database that opens,
 * passes SQLite's integrity check and holds every correction the store acknowledged.
 */
class KilledWriterTest {

    private static final int ACKNOWLEDGED = 300;

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_correction_survives_a_sigkill_during_writes() throws Exception {
        Path file = dir.resolve("corrections.db");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriterMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<Long> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < ACKNOWLEDGED && (line = out.readLine()) != null; ) {
                acknowledged.add(Long.parseLong(line.strip()));
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-transaction
            writer.waitFor();
        }
        assertThat(acknowledged).hasSize(ACKNOWLEDGED);
        assertThat(writer.exitValue()).isEqualTo(137);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (CorrectionStore store = CorrectionStores.open(StoreLocation.parse(file.toString(), Map.of()), 2_000)) {
            Set<Long> stored = store.every(CorrectionQuery.all(null)).stream().map(Correction::id)
                    .collect(Collectors.toSet());
            assertThat(stored).containsAll(acknowledged);
            assertThat(stored.size()).isBetween(ACKNOWLEDGED, ACKNOWLEDGED + 1);
        }
    }
}
