package dlbugs.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeConfigTest {

    @Test
    void defaults_are_loopback_port_7070_the_default_bundle_and_one_mebibyte() {
        ServeConfig config = ServeConfig.defaults();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.bundle()).isEqualTo(Path.of("models/dlbugs-default.bundle"));
        assertThat(config.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(config.queueCapacity()).isEqualTo(256);
        assertThat(config.maxBatch()).isEqualTo(32);
    }

    @Test
    void rejects_a_port_out_of_range() {
        assertThatThrownBy(() -> ServeConfig.defaults().withEndpoint("127.0.0.1", 65_536, Path.of("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void rejects_non_positive_limits() {
        assertThatThrownBy(() -> ServeConfig.defaults().withMaxBodyBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServeConfig.defaults().withQueue(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServeConfig.defaults().withQueue(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
