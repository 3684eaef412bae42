package dlbugs.model.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifyRequestReaderTest {

    private final ClassifyRequestReader reader = new ClassifyRequestReader();

    private ClassifyRequestReader.Single read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private RequestException refused(String json) {
        try {
            read(json);
        } catch (RequestException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void a_string_or_number_id_is_kept_exactly() {
        assertThat(read("{\"id\":\"issue-7\",\"text\":\"x\"}").instance().id().textValue()).isEqualTo("issue-7");
        assertThat(read("{\"id\":1.50,\"text\":\"x\"}").instance().id().toString()).isEqualTo("1.50");
        assertThat(read("{\"id\":123456789012345678901234567890,\"text\":\"x\"}").instance().id().toString())
                .isEqualTo("123456789012345678901234567890");
        assertThat(read("{\"text\":\"x\"}").instance().id()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":{\"a\":1},\"text\":\"x\"}", "{\"id\":[1],\"text\":\"x\"}", "{\"id\":true,\"text\":\"x\"}"})
    void an_id_that_is_not_a_string_or_number_is_refused(String json) {
        assertThat(refused(json).getMessage()).startsWith("field 'id' must be a string or a number");
    }

    @Test
    void a_number_is_not_taken_for_text() {
        RequestException e = refused("{\"text\":42}");
        assertThat(e.code()).isEqualTo(RequestException.INVALID_REQUEST);
        assertThat(e.getMessage()).isEqualTo("field 'text' must be a string, got number");
    }

    @Test
    void text_after_the_object_is_refused() {
        RequestException e = refused("{\"text\":\"x\"} {\"text\":\"y\"}");
        assertThat(e.code()).isEqualTo(RequestException.INVALID_JSON);
        assertThat(e.getMessage()).isEqualTo("malformed JSON: text after the end of the JSON object (line 1, column 15)");
        assertThat(refused("{\"text\":\"x\"} trailing").code()).isEqualTo(RequestException.INVALID_JSON);
    }

    @Test
    void usual_library_spellings_fold_to_the_models_names() {
        assertThat(read("{\"text\":\"x\",\"library\":\"PyTorch\"}").report().library()).isEqualTo("torch");
        assertThat(read("{\"text\":\"x\",\"library\":\"tf.keras\"}").report().library()).isEqualTo("keras");
        assertThat(read("{\"text\":\"x\",\"library\":\"TF\"}").report().library()).isEqualTo("tensorflow");
        assertThat(read("{\"text\":\"x\",\"library\":\"torch7\"}").report().library()).isEqualTo("torch");
        assertThat(read("{\"text\":\"x\",\"library\":\"other\"}").report().library()).isEmpty();
        assertThat(read("{\"text\":\"x\",\"library\":\"\"}").report().library()).isEmpty();
    }

    @Test
    void an_unknown_library_is_refused_listing_the_accepted_ones() {
        assertThat(refused("{\"text\":\"x\",\"library\":\"foo\"}").getMessage())
                .startsWith("field 'library' must be one of ")
                .contains("pytorch", "tensorflow", "tf.keras", "keras", "torch", "theano", "caffe", "other")
                .endsWith("got 'foo'");
        assertThatThrownBy(() -> reader.readBatch(
                "{\"instances\":[{\"text\":\"x\",\"library\":\"mx\"}]}".getBytes(StandardCharsets.UTF_8), 4))
                .hasMessageStartingWith("field 'instances[0].library' must be one of ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"text\":\"x\",}", "{\"text\" \"x\"}", "{\"text\":\"x\"", "[", "{\"text\":\"x\u0001\"}", "nul",
            "{\"text\":\"x\",\"text\":\"y\"}", "{\"text\":tru}", "{'text':'x'}", "{\"text\":\"\\q\"}", "{\"text\":01}",
            "{/* c */\"text\":\"x\"}", "{\"threshold\":NaN}", "{\"text\":\"x\"}}", "{\"text\":-}"})
    void malformed_json_is_described_without_the_parsers_internals(String json) {
        RequestException e = refused(json);
        assertThat(e.code()).isEqualTo(RequestException.INVALID_JSON);
        assertThat(e.getMessage()).startsWith("malformed JSON: ").doesNotContain("`", "Source", "REDACTED",
                "com.fasterxml", "Exception", "code ", "CTRL-CHAR", "marker", "Feature", "enable").doesNotContainPattern("[A-Z]{3,}_[A-Z]+");
    }

    @Test
    void nesting_beyond_the_limit_is_said_plainly() {
        RequestException e = refused("{\"text\":" + "[".repeat(1500) + "]".repeat(1500) + "}");
        assertThat(e.getMessage()).startsWith("malformed JSON: document nesting depth").contains("1000")
                .doesNotContain("`", "StreamReadConstraints");
    }

    @Test
    void invalid_utf8_is_malformed_json() {
        byte[] bytes = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, '"', '}'};
        assertThatThrownBy(() -> reader.read(bytes)).isInstanceOf(RequestException.class)
                .hasMessageStartingWith("malformed JSON: invalid UTF-8");
    }

    @Test
    void an_unreadable_request_still_yields_its_id_for_the_error() {
        assertThat(reader.idOf("{\"id\":\"a\",\"text\":42}".getBytes(StandardCharsets.UTF_8)).textValue()).isEqualTo("a");
        assertThat(reader.idOf("{not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(reader.idOf("{\"id\":[1]}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
