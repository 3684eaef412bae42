package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.Libraries;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.Prediction;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints beyond {@code POST /classify}, and the OpenAPI document against the code. */
class ServeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void serve(ClassifyErrorsTest.ApiTest test) {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> test.run(new ApiClient(client)));
    }

    @Test
    void batch_answers_every_instance_in_order_with_per_instance_errors_and_top_k() {
        serve(api -> {
            ApiClient.Reply reply = api.postJson("/classify/batch",
                    "{\"instances\": [{\"title\": \"a\"}, {\"text\": \"nothing\"}, {\"diff\": \"+x = 1\"}], \"top_k\": 2}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("model").path("version").asText()).isEqualTo("1.2.3");
            JsonNode p = reply.json().path("predictions");
            assertThat(p).hasSize(3);
            Prediction first = FakePredictor.expected(new BugReport("a", null, null, null));
            for (HeadPrediction h : first.heads()) {
                JsonNode head = p.get(0).path("heads").path(h.head());
                assertThat(head.path("label").asText()).isEqualTo(h.label());
                assertThat(head.path("top")).hasSize(2);
                assertThat(head.path("top").get(0).path("label").asText()).isEqualTo(h.label());
            }
            assertThat(p.get(1).path("error").asText()).isEqualTo("no_usable_content");
            assertThat(p.get(1).has("heads")).isFalse();
            assertThat(p.get(2).path("heads").path("effect").path("label").asText())
                    .isEqualTo(FakePredictor.expected(new BugReport(null, null, "+x = 1", null)).head("effect").label());
        });
    }

    @Test
    void a_batch_over_the_limit_or_with_a_bad_instance_is_refused_naming_it() {
        StringBuilder many = new StringBuilder("{\"instances\": [");
        for (int i = 0; i <= ServeConfig.DEFAULT_MAX_BATCH_ITEMS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"text\": \"t").append(i).append("\"}");
        }
        serve(api -> {
            ApiClient.Reply tooMany = api.postJson("/classify/batch", many + "]}");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.message()).contains("1 to " + ServeConfig.DEFAULT_MAX_BATCH_ITEMS);
            ApiClient.Reply bad = api.postJson("/classify/batch", "{\"instances\": [{\"text\": \"ok\"}, {\"text\": 3}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.message()).contains("instances[1].text");
        });
    }

    @Test
    void explain_adds_each_heads_evidence_only_when_asked() {
        FakePredictor fake = FakePredictor.open();
        dlbugs.model.predict.Predictor explaining = new dlbugs.model.predict.Predictor() {
            @Override
            public List<Prediction> predictAll(List<BugReport> reports) {
                return fake.predictAll(reports);
            }

            @Override
            public dlbugs.model.predict.ModelInfo info() {
                return fake.info();
            }

            @Override
            public List<dlbugs.model.predict.HeadExplanation> explain(BugReport report, int top) {
                return fake.predict(report).heads().stream().map(h -> new dlbugs.model.predict.HeadExplanation(h.head(),
                        h.label(), List.of(new dlbugs.model.predict.Attribution("err:ValueError", "ValueError", 0.25)))).toList();
            }
        };
        JavalinTest.test(ServeApp.create(explaining, ServeConfig.defaults()), (server, client) -> {
            ApiClient api = new ApiClient(client);
            JsonNode asked = api.classify("{\"text\": \"ValueError\", \"explain\": true}").json();
            JsonNode effect = asked.path("explanation").path("effect");
            assertThat(effect.path("label").asText()).isEqualTo(asked.path("heads").path("effect").path("label").asText());
            assertThat(effect.path("top").get(0).path("text").asText()).isEqualTo("ValueError");
            assertThat(effect.path("top").get(0).path("weight").asDouble()).isEqualTo(0.25);
            assertThat(api.classify("{\"text\": \"ValueError\"}").json().has("explanation")).isFalse();
            JsonNode batch = api.postJson("/classify/batch", "{\"instances\": [{\"text\": \"a\"}], \"explain\": true}").json();
            assertThat(batch.path("predictions").get(0).path("explanation").path("bug_type").path("top")).hasSize(1);
            ApiClient.Reply bad = api.classify("{\"text\": \"a\", \"explain\": \"yes\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.message()).contains("explain");
        });
    }

    @Test
    void top_k_limits_the_labels_listed_and_must_be_a_positive_integer() {
        serve(api -> {
            ApiClient.Reply one = api.classify("{\"text\": \"x\", \"top_k\": 1}");
            one.json().path("heads").forEach(h -> assertThat(h.path("top")).hasSize(1));
            for (String bad : List.of("0", "1.5", "\"2\"", "-3", "99999999999")) {
                ApiClient.Reply r = api.classify("{\"text\": \"x\", \"top_k\": " + bad + "}");
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.message()).as(bad).contains("top_k");
            }
        });
    }

    @Test
    void model_and_taxonomy_describe_the_labels_with_their_definitions() {
        serve(api -> {
            ApiClient.Reply model = api.get("/model");
            ApiClient.Reply taxonomy = api.get("/taxonomy");

            assertThat(model.json().path("name").asText()).isEqualTo("fake-model");
            assertThat(model.json().path("version").asText()).isEqualTo("1.2.3");
            JsonNode heads = taxonomy.json().path("heads");
            assertThat(heads).hasSize(FakePredictor.INFO.heads().size());
            assertThat(heads.get(0).path("name").asText()).isEqualTo("bug_type");
            assertThat(heads.get(0).path("labels").get(0).path("label").asText()).isEqualTo("API Bug");
            assertThat(heads.get(0).path("labels").get(0).path("definition").asText()).isNotBlank();
            assertThat(model.json().path("heads")).isEqualTo(heads);
        });
    }

    @Test
    void liveness_and_readiness_answer() {
        serve(api -> {
            assertThat(api.get("/health/live").json().path("status").asText()).isEqualTo("live");
            ApiClient.Reply ready = api.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("version").asText()).isEqualTo("1.2.3");
        });
    }

    @Test
    void every_metric_the_api_page_lists_is_scraped_and_reload_counters_exist_before_any_reload() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("dlbugs.root"), "docs", "api.md"));
        String row = readme.lines().filter(l -> l.startsWith("| `GET /metrics` |")).findFirst().orElseThrow();
        List<String> listed = Pattern.compile("dlbugs_[a-z_]+").matcher(row).results()
                .map(MatchResult::group).toList();
        assertThat(listed).contains("dlbugs_model_reloads_total");
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            client.get("/metrics");   // request counters have a series once a request was answered
            String metrics = client.get("/metrics").body().string();
            assertThat(listed).allSatisfy(name -> assertThat(metrics).contains("\n" + name));
            assertThat(metrics).contains("dlbugs_model_reloads_total{outcome=\"ok\"} 0.0")
                    .contains("dlbugs_model_reloads_total{outcome=\"refused\"} 0.0");
        });
    }

    @Test
    void metrics_count_requests_by_route_and_status_and_name_the_model() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            ApiClient api = new ApiClient(client);
            api.classify("{\"text\": \"a\"}");
            api.classify("{\"text\": \"b\"}");
            api.classify("{\"text\": 1}");
            api.get("/no/such/path");

            String metrics = client.get("/metrics").body().string();

            assertThat(metrics)
                    .contains("dlbugs_http_requests_total{method=\"POST\",route=\"/classify\",status=\"200\"} 2.0")
                    .contains("dlbugs_http_requests_total{method=\"POST\",route=\"/classify\",status=\"400\"} 1.0")
                    .contains("dlbugs_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1.0")
                    .contains("dlbugs_http_request_duration_seconds_count{route=\"/classify\"} 3")
                    .contains("dlbugs_model_info{name=\"fake-model\",version=\"1.2.3\"} 1")
                    .contains("dlbugs_http_requests_in_flight 1.0")
                    .contains("dlbugs_inference_queue_depth 0.0")
                    .contains("dlbugs_inference_batch_size_count 2")
                    .contains("dlbugs_inference_batch_size_sum 2.0");
        });
    }

    @Test
    void the_openapi_document_lists_exactly_the_routes_the_app_serves() throws Exception {
        JsonNode doc = JSON.readTree(ServeApp.openApi());
        Set<ServeApp.Route> documented = new HashSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.path("paths").path(path).fieldNames().forEachRemaining(m -> documented.add(
                    new ServeApp.Route(m.toUpperCase(), path)));
        }
        assertThat(documented).isEqualTo(new HashSet<>(ServeApp.routes()));
        serve(api -> assertThat(api.get("/openapi.json").json()).isEqualTo(doc));
    }

    @Test
    void the_openapi_schemas_name_the_fields_the_code_reads_and_writes() throws Exception {
        JsonNode schemas = JSON.readTree(ServeApp.openApi()).path("components").path("schemas");
        List<String> requestFields = new ArrayList<>(dlbugs.model.api.ClassifyRequestReader.REPORT_FIELDS);
        requestFields.addAll(dlbugs.model.api.ClassifyRequestReader.OPTION_FIELDS);
        assertThat(names(schemas.path("ClassifyRequest").path("properties"))).containsExactlyInAnyOrderElementsOf(requestFields);
        assertThat(names(schemas.path("Report").path("properties")))
                .containsExactlyInAnyOrderElementsOf(dlbugs.model.api.ClassifyRequestReader.REPORT_FIELDS);
        serve(api -> {
            JsonNode reply = api.classify("{\"id\": 1, \"text\": \"x\", \"explain\": true, \"similar\": 3}").json();
            assertThat(names(reply)).containsExactlyInAnyOrderElementsOf(names(schemas.path("ClassifyResponse").path("properties")));
            JsonNode head = reply.path("heads").elements().next();
            // reason is there only when a rule decided: every field the answer has is documented, every required one is there
            assertThat(names(schemas.path("HeadResult").path("properties"))).containsAll(names(head));
            schemas.path("HeadResult").path("required").forEach(r -> assertThat(names(head)).contains(r.asText()));
            assertThat(names(head.path("top").get(0))).containsExactlyInAnyOrderElementsOf(
                    names(schemas.path("Score").path("properties")));
            JsonNode model = api.get("/model").json();
            assertThat(names(schemas.path("ModelDescription").path("properties"))).containsAll(names(model));
            JsonNode error = api.classify("{}").json();
            assertThat(names(error)).containsExactlyInAnyOrderElementsOf(names(schemas.path("Error").path("properties")));
        });
    }

    @Test
    void the_openapi_library_enum_is_what_the_reader_accepts() throws Exception {
        JsonNode library = JSON.readTree(ServeApp.openApi()).path("components").path("schemas").path("Library");
        List<String> documented = new ArrayList<>();
        library.path("enum").forEach(v -> documented.add(v.isNull() ? null : v.asText()));
        List<String> expected = new ArrayList<>(Libraries.spellings());
        expected.add("");
        expected.add(null);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void head_of_the_page_answers_as_get_without_a_body() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            URI page = URI.create("http://127.0.0.1:" + server.port() + "/");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(page).GET().build(), BodyHandlers.ofString());
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(page).method("HEAD", BodyPublishers.noBody()).build(),
                    BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200).isEqualTo(get.statusCode());
            assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.body()).isEmpty();
            assertThat(get.body()).contains("<html").contains("rel=\"icon\"");
        });
    }

    @Test
    void ids_are_echoed_in_single_and_batch_answers_and_batch_errors() {
        serve(api -> {
            assertThat(api.classify("{\"id\": \"issue-9\", \"title\": \"a\"}").json().path("id").asText()).isEqualTo("issue-9");
            assertThat(api.classify("{\"title\": \"a\"}").json().has("id")).isFalse();
            JsonNode p = api.postJson("/classify/batch",
                    "{\"instances\": [{\"id\": 3, \"title\": \"a\"}, {\"id\": \"b\", \"text\": \"nothing\"}, {\"title\": \"c\"}]}")
                    .json().path("predictions");
            assertThat(p.get(0).path("id").asInt()).isEqualTo(3);
            assertThat(p.get(1).path("id").asText()).isEqualTo("b");
            assertThat(p.get(1).path("error").asText()).isEqualTo("no_usable_content");
            assertThat(p.get(2).has("id")).isFalse();
        });
    }

    @Test
    void usual_library_spellings_answer_as_the_canonical_name_and_unknown_ones_are_refused() {
        serve(api -> {
            JsonNode torch = api.classify("{\"title\": \"a\", \"library\": \"torch\"}").json().path("heads");
            assertThat(api.classify("{\"title\": \"a\", \"library\": \"PyTorch\"}").json().path("heads")).isEqualTo(torch);
            assertThat(api.classify("{\"title\": \"a\"}").json().path("heads")).isNotEqualTo(torch);
            ApiClient.Reply foo = api.classify("{\"title\": \"a\", \"library\": \"foo\"}");
            assertThat(foo.status()).isEqualTo(400);
            assertThat(foo.message()).startsWith("field 'library' must be one of ").contains("pytorch", "tf.keras");
        });
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
