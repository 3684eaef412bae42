package dlbugs.serve;

import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.StoreLocation;
import dlbugs.corrections.testing.ReadOnlyFile;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A missing, read-only, locked, corrupt or vanished corrections database turns the corrections
 * endpoints, and only them, to 503 {@code corrections_unavailable}: classify and readiness answer
 * as before. (The same failures on PostgreSQL: {@code UnavailableDatabaseTest} of the store.)
 */
class CorrectionsUnavailableTest {

    @TempDir
    Path dir;

    enum Trouble { MISSING, READ_ONLY, LOCKED, CORRUPT, VANISHED }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void only_the_corrections_endpoints_answer_503(Trouble trouble) throws Exception {
        Path file = dir.resolve("var/corrections.db");
        if (trouble == Trouble.MISSING) {
            Files.writeString(dir.resolve("var"), "a file where the database's folder should be");
        } else if (trouble == Trouble.CORRUPT) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "not a database ".repeat(500));
        } else {
            try (CorrectionStore store = CorrectionStores.open(StoreLocation.parse(file.toString(), Map.of()), 200)) {
                store.record(dlbugs.corrections.testing.Corrections.of(1, "Hang", "ada"));
            }
        }
        ReadOnlyFile readOnly = trouble == Trouble.READ_ONLY ? ReadOnlyFile.of(file) : null;
        Connection locker = trouble == Trouble.LOCKED ? DriverManager.getConnection("jdbc:sqlite:" + file) : null;
        if (locker != null) {
            try (Statement s = locker.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
            }
        }
        CorrectionStore store = CorrectionStores.open(StoreLocation.parse(file.toString(), Map.of()), 200);
        try {
            JavalinTest.test(CorrectionsEndpointTest.app(store, CorrectionsEndpointTest.TOKEN), (server, client) -> {
                ApiClient api = new ApiClient(client);
                if (trouble == Trouble.VANISHED) {
                    assertThat(api.postJson("/corrections", CorrectionsEndpointTest.BODY).status()).isEqualTo(201);
                    Files.move(file, dir.resolve("elsewhere.db"));
                }
                ApiClient.Reply post = api.postJson("/corrections", CorrectionsEndpointTest.BODY.replace("ada", "bob"));
                assertThat(post.status()).isEqualTo(503);
                assertThat(post.errorCode()).isEqualTo("corrections_unavailable");
                assertThat(post.message()).contains("corrections.db").doesNotContain("Exception");
                assertThat(post.header("Retry-After")).containsExactly("5");
                if (trouble != Trouble.READ_ONLY && trouble != Trouble.LOCKED) {
                    assertThat(api.send("GET", "/corrections", null, CorrectionsEndpointTest.ADMIN).status()).isEqualTo(503);
                }
                assertThat(api.classify("{\"text\": \"the loss is nan\"}").status()).isEqualTo(200);
                assertThat(api.get("/health/ready").status()).isEqualTo(200);
                assertThat(api.raw("/metrics")).contains("route=\"/corrections\",status=\"503\"");
            });
        } finally {
            if (readOnly != null) {
                readOnly.close();
            }
            if (locker != null) {
                locker.close();
            }
        }
    }
}
