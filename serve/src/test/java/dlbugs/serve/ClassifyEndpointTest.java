package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.Prediction;
import dlbugs.serve.ApiClient.Reply;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassifyEndpointTest {

    private static final String REPORT = """
            {"title": "Shape mismatch in Dense layer", "text": "ValueError: expected ndim=2, found ndim=3",
             "diff": "- model.add(Dense(10))\\n+ model.add(Flatten())", "library": "keras"}""";

    @Test
    void classify_answers_every_head_in_the_predictors_order() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            Reply reply = new ApiClient(client).classify(REPORT);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.raw().headers().get("Content-Type").get(0)).startsWith("application/json");
            List<String> heads = new ArrayList<>();
            reply.json().path("heads").fieldNames().forEachRemaining(heads::add);
            assertThat(heads).containsExactly("bug_type", "root_cause", "effect");
        });
    }

    @Test
    void classify_names_the_model_that_answered() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            JsonNode model = new ApiClient(client).classify(REPORT).json().path("model");

            assertThat(model.path("name").asText()).isEqualTo("fake-model");
            assertThat(model.path("version").asText()).isEqualTo("1.2.3");
        });
    }

    @Test
    void each_head_has_a_label_a_confidence_in_range_and_a_full_distribution_best_first() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            JsonNode heads = new ApiClient(client).classify(REPORT).json().path("heads");

            for (var head : FakePredictor.INFO.heads()) {
                JsonNode answer = heads.path(head.name());
                JsonNode top = answer.path("top");
                assertThat(answer.path("confidence").asDouble()).isBetween(0.0, 1.0);
                assertThat(top).hasSize(head.size());
                assertThat(top.get(0).path("label").asText()).isEqualTo(answer.path("label").asText());
                assertThat(top.get(0).path("score").asDouble()).isEqualTo(answer.path("confidence").asDouble());
                double sum = 0;
                double previous = 1;
                for (JsonNode score : top) {
                    assertThat(score.path("score").asDouble()).isLessThanOrEqualTo(previous);
                    previous = score.path("score").asDouble();
                    sum += previous;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-9));
            }
        });
    }

    @Test
    void classify_returns_the_predictors_answer_for_that_report() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            JsonNode heads = new ApiClient(client).classify("{\"text\": \"loss is nan after a few epochs\"}")
                    .json().path("heads");

            Prediction expected = FakePredictor.expected(new BugReport(null, "loss is nan after a few epochs", null, null));
            for (HeadPrediction head : expected.heads()) {
                assertThat(heads.path(head.head()).path("label").asText()).isEqualTo(head.label());
                assertThat(heads.path(head.head()).path("confidence").asDouble()).isEqualTo(head.confidence());
            }
        });
    }

    @Test
    void classify_accepts_a_utf8_charset_parameter() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            Reply reply = new ApiClient(client).post("/classify",
                    java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\": \"NaN loss\"}"),
                    "application/json; charset=UTF-8");

            assertThat(reply.status()).isEqualTo(200);
        });
    }

    @Test
    void health_reports_ok_with_model_name_and_version() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            Reply reply = new ApiClient(client).get("/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("status").asText()).isEqualTo("ok");
            assertThat(reply.json().path("model").asText()).isEqualTo("fake-model");
            assertThat(reply.json().path("version").asText()).isEqualTo("1.2.3");
        });
    }

    @Test
    void each_head_says_whether_it_clears_the_models_threshold() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            JsonNode heads = new ApiClient(client).classify(REPORT).json().path("heads");

            heads.forEach(h -> {
                assertThat(h.path("threshold").asDouble()).isEqualTo(0.5);
                assertThat(h.path("accepted").asBoolean()).isEqualTo(h.path("confidence").asDouble() >= 0.5);
            });
        });
    }

    @Test
    void a_request_threshold_overrides_the_models() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            ApiClient api = new ApiClient(client);
            JsonNode lenient = api.classify("{\"text\": \"loss is nan\", \"threshold\": 0}").json().path("heads");
            JsonNode strict = api.classify("{\"text\": \"loss is nan\", \"threshold\": 1}").json().path("heads");

            lenient.forEach(h -> assertThat(h.path("accepted").asBoolean()).isTrue());
            strict.forEach(h -> {
                assertThat(h.path("threshold").asDouble()).isEqualTo(1.0);
                assertThat(h.path("accepted").asBoolean()).isEqualTo(h.path("confidence").asDouble() >= 1.0);
            });
        });
    }
}
