package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private String corpus() {
        return System.getProperty("dlbugs.corpus");
    }

    @Test
    void no_command_is_bad_usage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("dlbugs: missing command: one of ").hasLineCount(1)
                .contains("train", "evaluate", "classify", "corpus", "label-repo", "label-repos", "datasets", "serve");
    }

    @Test
    void an_unknown_command_is_named_as_such_with_the_commands_listed() {
        assertThat(run("nosuch")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).startsWith("dlbugs: 'nosuch' is not a dlbugs command; the commands are ")
                .contains("train", "evaluate", "classify", "corpus", "label-repo", "label-repos", "triage", "datasets", "serve")
                .doesNotContain("Unmatched", "index 0");
        err.getBuffer().setLength(0);
        assertThat(run("datasets", "fecth")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).startsWith("dlbugs: 'fecth' is not a dlbugs datasets command; ")
                .contains("fetch");
    }

    @Test
    void help_lists_every_command_including_serve() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("train", "evaluate", "classify", "corpus", "label-repo", "datasets",
                "bin/dlbugs serve --help");
    }

    @Test
    void file_failures_name_the_file_and_the_problem_never_a_class() {
        assertThat(DlbugsCommand.message(new NoSuchFileException("/x/y.jsonl")))
                .isEqualTo("/x/y.jsonl: no such file or directory");
        assertThat(DlbugsCommand.message(new AccessDeniedException("/x/y.jsonl")))
                .isEqualTo("/x/y.jsonl: permission denied");
        assertThat(DlbugsCommand.message(new IllegalStateException())).doesNotContain("Exception");
    }

    @Test
    void unknown_option_is_bad_usage_with_one_line() {
        assertThat(run("train", "--epoch", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--epoch").hasLineCount(1);
    }

    @Test
    void rejects_non_positive_epochs() {
        assertThat(run("train", "--epochs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--epochs must be at least 1").hasLineCount(1);
    }

    @Test
    void rejects_an_unknown_encoder_naming_the_known_ones() {
        assertThat(run("evaluate", "--encoder", "word2vec")).isEqualTo(2);
        assertThat(err.toString()).contains("--encoder must be one of none, bge-small-en-v15-q, all-minilm-l6-v2-q, got 'word2vec'")
                .hasLineCount(1);
    }

    @Test
    void missing_corpus_exits_74_naming_the_file() {
        assertThat(run("corpus", "--corpus", "/no/such/dir")).isEqualTo(74);
        assertThat(err.toString()).contains("corpus file missing").contains("/no/such/dir").hasLineCount(1);
    }

    @Test
    void missing_bundle_exits_65_with_one_line() {
        assertThat(run("classify", "--bundle", "/no/such.bundle", "--input", "/dev/null")).isEqualTo(65);
        assertThat(err.toString()).isEqualTo("dlbugs: no model bundle at /no/such.bundle" + System.lineSeparator());
    }

    @Test
    void corrupt_bundle_exits_65(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.bundle"), "not a zip");
        assertThat(run("classify", "--bundle", bad.toString(), "--input", "/dev/null")).isEqualTo(65);
        assertThat(err.toString()).contains("bad.bundle").hasLineCount(1);
    }

    @Test
    void corpus_prints_the_import_report() {
        assertThat(run("corpus", "--corpus", corpus())).isZero();
        assertThat(out.toString()).contains("gold rows dropped", "distinct units: gold", "corpus sha256: ")
                .doesNotContain("{", "=");
    }

    @Test
    @Tag("training")
    void train_writes_a_bundle_atomically_and_summarises(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.bundle");
        assertThat(run("train", "--corpus", corpus(), "--epochs", "1", "--folds", "0", "--out", target.toString()))
                .isZero();
        assertThat(target).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(out.toString()).contains("trained dlbugs-islam2019", "gold +", "bug_type", "no cross-validation");
    }

    @Test
    @Tag("training")
    void evaluate_writes_metrics_and_report(@TempDir Path dir) throws Exception {
        assertThat(run("evaluate", "--corpus", corpus(), "--folds", "2", "--no-tune", "--epochs", "2", "--encoder", "none",
                "--report", dir.toString())).isZero();
        JsonNode metrics = json(Files.readString(dir.resolve("metrics.json")));
        assertThat(metrics.get("models").toString()).isEqualTo("[\"dlbugs\",\"tfidf-logreg\",\"majority\"]");
        assertThat(metrics.get("folds").asInt()).isEqualTo(2);
        // every slice says how much of each label it found: for dl_bug, how many reports that are not DL bugs
        JsonNode denchmark = null;
        for (JsonNode r : metrics.get("results")) {
            if (r.get("model").asText().equals("majority") && r.get("slice").asText().equals("denchmark")
                    && r.get("head").asText().equals("dl_bug")) {
                denchmark = r;
            }
        }
        assertThat(denchmark).isNotNull();
        assertThat(denchmark.path("recall").path("DL bug").asDouble() + denchmark.path("recall").path("Not a DL bug").asDouble())
                .as("the majority guess finds all of one label and none of the other").isEqualTo(1.0);
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(out.toString()).contains("macro-F1 by head on its reference units", "crossSource: mean over held-out parts",
                "leaveOneLibraryOut: mean over held-out parts", "ECE", "wrote ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("metrics.json", "report.html");
        }
    }

    @Test
    void evaluate_rejects_a_single_fold() {
        assertThat(run("evaluate", "--folds", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--folds").hasLineCount(1);
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
