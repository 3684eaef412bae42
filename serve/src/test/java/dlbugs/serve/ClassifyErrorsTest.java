package dlbugs.serve;

import dlbugs.serve.ApiClient.Reply;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyErrorsTest {

    private static final long SMALL_LIMIT = 1024;

    private static void serve(ApiTest test) {
        serve(ServeConfig.defaults(), test);
    }

    private static void serve(ServeConfig config, ApiTest test) {
        TestCase testCase = (server, client) -> test.run(new ApiClient(client));
        JavalinTest.test(ServeApp.create(FakePredictor.open(), config), testCase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": ", "{'title': 'x'}", "{\"title\": \"x\"} trailing", "{\"text\": \"a\", \"text\": \"b\"}"})
    void malformed_json_is_invalid_json(String body) {
        serve(api -> {
            Reply reply = api.classify(body);
            assertError(reply, 400, "invalid_json");
            assertThat(reply.message()).startsWith("malformed JSON");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"title\"]", "\"a bug report\"", "42", "null"})
    void a_json_value_that_is_not_an_object_is_invalid_json(String body) {
        serve(api -> {
            Reply reply = api.classify(body);
            assertError(reply, 400, "invalid_json");
            assertThat(reply.message()).contains("must be a JSON object");
        });
    }

    @Test
    void an_empty_body_is_invalid_json() {
        serve(api -> {
            Reply reply = api.classify("");
            assertError(reply, 400, "invalid_json");
            assertThat(reply.message()).contains("empty");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": 5}", "{\"title\": [\"x\"]}", "{\"title\": {\"x\": 1}}", "{\"title\": true}"})
    void a_field_of_the_wrong_type_is_an_invalid_request_naming_the_field(String body) {
        serve(api -> {
            Reply reply = api.classify(body);
            assertError(reply, 400, "invalid_request");
            assertThat(reply.message()).contains("'title'").contains("must be a string");
        });
    }

    @Test
    void an_unknown_field_is_an_invalid_request_naming_the_field() {
        serve(api -> {
            Reply reply = api.classify("{\"text\": \"loss is nan\", \"severity\": \"high\"}");
            assertError(reply, 400, "invalid_request");
            assertThat(reply.message()).contains("'severity'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"library\": \"keras\"}", "{\"title\": null}",
            "{\"title\": \"  \", \"text\": \"\", \"diff\": \"\\n\\t\"}"})
    void a_request_without_any_non_blank_title_text_or_diff_is_invalid(String body) {
        serve(api -> {
            Reply reply = api.classify(body);
            assertError(reply, 400, "invalid_request");
            assertThat(reply.message()).contains("title, text and diff");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1",
            "application/jsonx", ";", "application/json; charset"})
    void a_body_that_is_not_utf8_json_is_an_unsupported_media_type(String contentType) {
        serve(api -> {
            Reply reply = api.post("/classify", BodyPublishers.ofString("{\"text\": \"x\"}"), contentType);
            assertError(reply, 415, "unsupported_media_type");
        });
    }

    @Test
    void a_body_without_content_type_is_an_unsupported_media_type() {
        serve(api -> {
            Reply reply = api.post("/classify", BodyPublishers.ofString("{\"text\": \"x\"}"), null);
            assertError(reply, 415, "unsupported_media_type");
            assertThat(reply.message()).contains("missing");
        });
    }

    @Test
    void a_body_over_the_configured_limit_is_too_large() {
        serve(ServeConfig.defaults().withMaxBodyBytes(SMALL_LIMIT), api -> {
            Reply reply = api.classify(jsonOfSize(4 * SMALL_LIMIT));
            assertError(reply, 413, "body_too_large");
            assertThat(reply.message()).contains("1024 bytes");
        });
    }

    @Test
    void a_chunked_body_over_the_limit_is_too_large() {
        byte[] body = jsonOfSize(4 * SMALL_LIMIT).getBytes(StandardCharsets.UTF_8);
        serve(ServeConfig.defaults().withMaxBodyBytes(SMALL_LIMIT), api -> {
            // A stream of unknown length is sent chunked, without Content-Length.
            Reply reply = api.post("/classify",
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), ApiClient.JSON);
            assertError(reply, 413, "body_too_large");
        });
    }

    @Test
    void the_default_limit_is_one_mebibyte_inclusive() {
        serve(api -> {
            assertThat(api.classify(jsonOfSize(1_048_576)).status()).isEqualTo(200);
            Reply reply = api.classify(jsonOfSize(1_048_577));
            assertError(reply, 413, "body_too_large");
        });
    }

    @Test
    void a_report_the_model_cannot_use_is_unprocessable() {
        serve(api -> {
            Reply reply = api.classify("{\"text\": \"" + FakePredictor.NOTHING + "\"}");
            assertError(reply, 422, "no_usable_content");
            assertThat(reply.message()).contains("vocabulary");
        });
    }

    @Test
    void an_unknown_path_is_not_found_as_json() {
        serve(api -> {
            Reply reply = api.get("/predict");
            assertError(reply, 404, "not_found");
            assertThat(reply.message()).contains("/predict");
        });
    }

    @Test
    void a_wrong_method_is_not_allowed_as_json_and_names_the_allowed_one() {
        serve(api -> {
            Reply reply = api.get("/classify");
            assertError(reply, 405, "method_not_allowed");
            assertThat(reply.header("Allow")).containsExactly("POST");
        });
    }

    @Test
    void an_unexpected_failure_is_an_internal_error_that_reveals_nothing() {
        serve(api -> {
            Reply reply = api.classify("{\"text\": \"" + FakePredictor.EXPLODE + "\"}");
            assertError(reply, 500, "internal_error");
            assertThat(reply.message()).doesNotContain("secret");
        });
    }

    /** A valid request body of exactly {@code size} bytes. */
    private static String jsonOfSize(long size) {
        String prefix = "{\"text\": \"";
        String suffix = "\"}";
        return prefix + "a".repeat((int) size - prefix.length() - suffix.length()) + suffix;
    }

    @FunctionalInterface
    interface ApiTest {
        void run(ApiClient api) throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": \"x\", \"threshold\": 1.5}", "{\"text\": \"x\", \"threshold\": -0.1}",
            "{\"text\": \"x\", \"threshold\": \"high\"}", "{\"text\": \"x\", \"threshold\": [0.5]}"})
    void a_threshold_outside_zero_to_one_or_not_a_number_is_invalid(String body) {
        serve(api -> {
            Reply reply = api.classify(body);
            assertError(reply, 400, "invalid_request");
            assertThat(reply.message()).contains("'threshold'").contains("0 to 1");
        });
    }

    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
    }
}
