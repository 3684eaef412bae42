package dlbugs.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackExchangeKeyTest {

    @TempDir
    Path dir;

    @Test
    void a_key_file_wins_over_the_environment_and_its_first_line_is_the_key() throws IOException {
        Path file = Files.writeString(dir.resolve("se.key"), "  fromFile((\n# a comment\n");
        Map<String, String> env = Map.of(StackExchangeKey.ENV, "fromEnv");

        assertThat(StackExchangeKey.find(file, env::get)).contains(new StackExchangeKey("fromFile(("));
        assertThat(StackExchangeKey.find(null, env::get)).contains(new StackExchangeKey("fromEnv"));
        assertThat(StackExchangeKey.find(null, Map.of(StackExchangeKey.ENV, " ")::get)).isEmpty();
        assertThat(StackExchangeKey.find(null, name -> null)).isEmpty();
    }

    @Test
    void an_empty_or_missing_key_file_is_an_error_that_names_the_file() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.key"), "\n");
        assertThatThrownBy(() -> StackExchangeKey.find(empty, name -> null)).isInstanceOf(FetchException.class)
                .hasMessage(empty + " holds no Stack Exchange key: put it on the first line");
        assertThatThrownBy(() -> StackExchangeKey.find(dir.resolve("absent.key"), name -> null))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot read the Stack Exchange key file "
                        + dir.resolve("absent.key"));
    }

    @Test
    void the_key_never_prints_itself() {
        StackExchangeKey key = new StackExchangeKey("s3cr3t");
        assertThat(key.toString()).doesNotContain("s3cr3t");
        assertThat(key.redact("GET /questions?key=s3cr3t failed")).isEqualTo("GET /questions?key=*** failed");
    }
}
