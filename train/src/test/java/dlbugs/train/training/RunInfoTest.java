package dlbugs.train.training;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunInfoTest {

    private static RunInfo run(String commit) {
        return new RunInfo("m", "c", commit, "2026-11-25T20:01:02Z", Map.of());
    }

    @Test
    void version_names_date_corpus_and_source_commit() {
        assertThat(run("29d2478441423e792b6cc94c66ca13587f84fe35").version("c3ab84ab" + "0".repeat(56)))
                .isEqualTo("2026.11.25-c3ab84ab-g29d2478");
    }

    @Test
    void version_leaves_out_an_unknown_commit() {
        assertThat(run("unknown").version("c3ab84ab" + "0".repeat(56))).isEqualTo("2026.11.25-c3ab84ab");
    }

    @Test
    void reads_head_of_this_checkout() {
        assertThat(RunInfos.gitCommit(java.nio.file.Path.of("").toAbsolutePath())).matches("[0-9a-f]{40}|unknown");
    }
}
