package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dlbugs classify} with the shipped bundle: JSON lines in, the API's answers out. */
class ClassifyCommandTest {

    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void classify_answers_each_line_and_reports_bad_ones(@TempDir Path dir) throws Exception {
        Path input = Files.write(dir.resolve("in.jsonl"), List.of(
                "{\"text\":\"ValueError: expected dense_1_input to have shape (784,)\"}",
                "{not json",
                "",
                "{\"text\":\"\"}",
                "{\"title\":\"loss is nan\",\"library\":\"keras\"}"));
        assertThat(run("classify", "--bundle", System.getProperty("dlbugs.shippedBundle"), "--input", input.toString())).isEqualTo(65);
        List<JsonNode> lines = out.toString().lines().map(ClassifyCommandTest::json).toList();
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 4, 5);
        assertThat(lines.get(0).get("heads").fieldNames()).toIterable()
                .containsExactly("dl_bug", "bug_type", "bug_type_top", "root_cause", "effect", "stage", "fix_pattern");
        JsonNode bugType = lines.get(0).get("heads").get("bug_type");
        assertThat(bugType.get("accepted").asBoolean())
                .isEqualTo(bugType.get("confidence").asDouble() >= bugType.get("threshold").asDouble());
        assertThat(lines.get(1).get("error").asText()).isEqualTo("invalid_json");
        assertThat(lines.get(2).get("error").asText()).isEqualTo("invalid_request");
        assertThat(lines.get(3).get("model").get("name").asText()).isEqualTo("dlbugs-islam2019");
        assertThat(err.toString()).contains("2 of 4 lines could not be classified (1 blank line skipped").hasLineCount(1);
    }

    private List<JsonNode> classifyWithShippedBundle(Path dir, String... lines) throws Exception {
        Path input = Files.write(dir.resolve("in.jsonl"), List.of(lines));
        run("classify", "--bundle", System.getProperty("dlbugs.shippedBundle"), "--input", input.toString());
        return out.toString().lines().map(ClassifyCommandTest::json).toList();
    }

    @Test
    void classify_echoes_each_lines_id_in_its_answer_and_its_error(@TempDir Path dir) throws Exception {
        List<JsonNode> answers = classifyWithShippedBundle(dir,
                "{\"id\":\"issue-1\",\"text\":\"loss is nan after a few epochs\"}",
                "{\"id\":17,\"text\":42}",
                "{\"id\":2.50,\"title\":\"shape mismatch\",\"library\":\"pytorch\"}",
                "{\"title\":\"no id\"}");
        assertThat(answers).extracting(a -> a.path("id").toString()).containsExactly("\"issue-1\"", "17", "2.5", "");
        assertThat(out.toString()).contains("{\"id\":2.50,\"line\":3,");
        assertThat(answers.get(0).has("heads")).isTrue();
        assertThat(answers.get(1).get("error").asText()).isEqualTo("invalid_request");
        assertThat(answers.get(1).get("message").asText()).isEqualTo("field 'text' must be a string, got number");
        assertThat(answers.get(2).has("heads")).isTrue();
    }

    @Test
    void classify_refuses_what_the_api_refuses_with_the_same_words(@TempDir Path dir) throws Exception {
        List<JsonNode> answers = classifyWithShippedBundle(dir,
                "{\"text\":\"x\"} trailing",
                "{\"text\":\"x\",\"library\":\"foo\"}",
                "{\"text\":\"x\",\"colour\":\"blue\"}",
                "{\"text\":\"x\",\"top_k\":0}",
                "{\"text\":\"x\",\"text\":\"y\"}");
        assertThat(answers).extracting(a -> a.get("error").asText())
                .containsExactly("invalid_json", "invalid_request", "invalid_request", "invalid_request", "invalid_json");
        assertThat(answers.get(1).get("message").asText()).startsWith("field 'library' must be one of ").contains("pytorch");
        assertThat(answers.get(2).get("message").asText()).startsWith("unknown field 'colour'; allowed fields are id, ");
        assertThat(answers).allSatisfy(a -> assertThat(a.get("message").asText())
                .doesNotContain("$", "Line", "`", "START_", "VALUE_", "Exception"));
        assertThat(err.toString()).hasLineCount(1).contains("5 of 5 lines");
    }

    @Test
    void classify_takes_the_apis_options_per_line(@TempDir Path dir) throws Exception {
        List<JsonNode> answers = classifyWithShippedBundle(dir,
                "{\"text\":\"ValueError: expected dense_1_input to have shape (784,) but got array with shape (28, 28)\","
                        + "\"top_k\":2,\"threshold\":0.01,\"explain\":true,\"similar\":3}");
        JsonNode a = answers.get(0);
        assertThat(a.get("heads").get("effect").get("top")).hasSize(2);
        assertThat(a.get("heads").get("effect").get("threshold").asDouble()).isEqualTo(0.01);
        assertThat(a.get("explanation").get("effect").get("top")).isNotEmpty();
        assertThat(a.get("similar")).hasSize(3);
    }

    @Test
    void classify_says_what_is_wrong_with_the_input_path(@TempDir Path dir) {
        assertThat(run("classify", "--input", dir.resolve("missing.jsonl").toString())).isEqualTo(74);
        assertThat(err.toString()).hasLineCount(1).endsWith("missing.jsonl: no such file" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("classify", "--input", dir.toString())).isEqualTo(74);
        assertThat(err.toString()).hasLineCount(1).contains("is a directory; give a JSON-lines file");
    }

    @Test
    void blank_lines_are_skipped_and_counted_apart_from_the_failures(@TempDir Path dir) throws Exception {
        List<JsonNode> answers = classifyWithShippedBundle(dir,
                "{\"text\":\"loss is nan after a few epochs\"}", "", "{not json", "  ",
                "{\"title\":\"shape mismatch in conv2d\"}", "{\"text\":\"\"}");

        assertThat(answers).extracting(a -> a.get("line").asInt()).containsExactly(1, 3, 5, 6);
        assertThat(err.toString()).hasLineCount(1)
                .contains("2 of 4 lines could not be classified (2 blank lines skipped; first: line 3: ");
    }

    @Test
    void thresholds_print_as_a_person_reads_them(@TempDir Path dir) throws Exception {
        JsonNode heads = classifyWithShippedBundle(dir, "{\"text\":\"loss is nan after a few epochs\"}").get(0).get("heads");

        heads.fields().forEachRemaining(h -> assertThat(h.getValue().get("threshold").toString())
                .as(h.getKey()).matches("0\\.\\d{1,3}|1\\.0"));
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
