package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.corrections.CorrectionJson;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.StoreLocation;
import dlbugs.corrections.testing.Backend;
import dlbugs.model.api.CorrectionRequestReader;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /corrections} for anyone, listing and reviewing behind the admin token, on both databases. */
class CorrectionsEndpointTest {

    static final String TOKEN = "t0ken";
    static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = "{\"title\": \"NaN loss\", \"text\": \"the loss is nan after epoch 3\", \"library\": \"keras\","
            + " \"head\": \"effect\", \"label\": \"incorrect functionality\", \"model_version\": \"1.2.3\", \"answer\": \"Crash\","
            + " \"author\": \"ada\"}";

    @TempDir
    Path dir;

    /** @return the service with a fake model, the admin token {@link #TOKEN} (or none) and this store */
    static Javalin app(CorrectionStore store, String token) {
        return ServeApp.build(new LoadedModel(List.of(FakePredictor.open()), JSON.createObjectNode()), null,
                ServeConfig.defaults().withServing(ServeConfig.DEFAULT_MAX_BATCH_ITEMS, 1, token), WebhookConfig.disabled(),
                store).app();
    }

    private void serve(Backend backend, String token, ClassifyErrorsTest.ApiTest test) {
        CorrectionStore store = CorrectionStores.open(backend.fresh(dir), 2_000);
        JavalinTest.test(app(store, token), (server, client) -> test.run(new ApiClient(client)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_correction_gets_201_with_its_id_and_a_repeat_200_with_the_same_id(Backend backend) {
        serve(backend, TOKEN, api -> {
            ApiClient.Reply first = api.postJson("/corrections", BODY);
            ApiClient.Reply again = api.postJson("/corrections", BODY);
            ApiClient.Reply fromPage = api.send("POST", "/corrections", BODY.replace("ada", "bob"),
                    "Content-Type", "application/json", CorrectionsController.ORIGIN_HEADER, "page");

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().path("created").asBoolean()).isTrue();
            assertThat(first.json().path("status").asText()).isEqualTo("new");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
            assertThat(again.json().path("created").asBoolean()).isFalse();
            assertThat(fromPage.status()).isEqualTo(201);
            JsonNode stored = api.send("GET", "/corrections/" + first.json().path("id").asLong(), null, ADMIN).json();
            assertThat(stored.path("label").asText()).isEqualTo("Incorrect Functionality");
            assertThat(stored.path("origin").asText()).isEqualTo("api");
            assertThat(stored.path("report").path("title").asText()).isEqualTo("NaN loss");
            String metrics = api.raw("/metrics");
            assertThat(metrics).contains("dlbugs_corrections_total{head=\"effect\",origin=\"api\"} 1.0")
                    .contains("dlbugs_corrections_total{head=\"effect\",origin=\"page\"} 1.0")
                    .contains("dlbugs_corrections_total{head=\"stage\",origin=\"github\"} 0.0");
        });
    }

    @Test
    void a_label_outside_the_taxonomy_is_a_400_listing_the_accepted_ones_and_the_body_rules_are_classify_s() {
        serve(Backend.SQLITE, TOKEN, api -> {
            ApiClient.Reply wrong = api.postJson("/corrections", BODY.replace("incorrect functionality", "Explosion"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.errorCode()).isEqualTo("invalid_request");
            assertThat(wrong.message()).contains("Bad Performance, Crash, Data Corruption, Hang, Incorrect Functionality");
            assertThat(api.postJson("/corrections", "{\"text\": \"x\", \"head\": \"mood\", \"label\": \"sad\"}").message())
                    .contains("must be one of dl_bug, bug_type, bug_type_top, root_cause, effect, stage, fix_pattern");
            assertThat(api.postJson("/corrections", "{\"text\": ").errorCode()).isEqualTo("invalid_json");
            assertThat(api.post("/corrections", java.net.http.HttpRequest.BodyPublishers.ofString(BODY), "text/plain")
                    .status()).isEqualTo(415);
            String big = BODY.replace("\"author\": \"ada\"", "\"note\": \"" + "x".repeat(1_100_000) + "\"");
            assertThat(api.postJson("/corrections", big).errorCode()).isEqualTo("body_too_large");
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listing_filters_and_pages_and_reviews_need_the_admin_token(Backend backend) {
        serve(backend, TOKEN, api -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(api.postJson("/corrections", BODY.replace("epoch 3", "epoch " + i)).json().path("id").asLong());
            }
            assertThat(api.get("/corrections").status()).isEqualTo(401);
            assertThat(api.send("POST", "/corrections/" + ids.get(0) + "/accept", null).status()).isEqualTo(401);

            ApiClient.Reply accepted = api.send("POST", "/corrections/" + ids.get(1) + "/accept?by=lead", null, ADMIN);
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.json().path("status").asText()).isEqualTo("accepted");
            assertThat(accepted.json().path("reviewed_by").asText()).isEqualTo("lead");
            assertThat(api.send("POST", "/corrections/" + ids.get(2) + "/reject", null, ADMIN).json().path("reviewed_by")
                    .asText()).isEqualTo("admin");

            JsonNode page = api.send("GET", "/corrections?limit=2", null, ADMIN).json();
            assertThat(ids(page)).containsExactly(ids.get(0), ids.get(1));
            JsonNode next = api.send("GET", page.path("next").asText(), null, ADMIN).json();
            assertThat(ids(next)).containsExactly(ids.get(2), ids.get(3));
            assertThat(ids(api.send("GET", "/corrections?status=accepted", null, ADMIN).json())).containsExactly(ids.get(1));
            assertThat(api.send("GET", "/corrections?status=new&head=effect&since=2000-01-01", null, ADMIN).json()
                    .path("next").isNull()).isTrue();
            assertThat(ids(api.send("GET", "/corrections?head=stage", null, ADMIN).json())).isEmpty();

            assertThat(api.send("GET", "/corrections?status=maybe", null, ADMIN).message())
                    .isEqualTo("'status' must be one of new, accepted, rejected, got 'maybe'");
            assertThat(api.send("GET", "/corrections?since=yesterday", null, ADMIN).status()).isEqualTo(400);
            assertThat(api.send("GET", "/corrections?limit=0", null, ADMIN).status()).isEqualTo(400);
            assertThat(api.send("POST", "/corrections/abc/accept", null, ADMIN).status()).isEqualTo(400);
            ApiClient.Reply missing = api.send("POST", "/corrections/99999/accept", null, ADMIN);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.message()).isEqualTo("no correction has id 99999");
        });
    }

    @Test
    void without_an_admin_token_listing_is_disabled_and_posting_still_works() {
        serve(Backend.SQLITE, null, api -> {
            assertThat(api.postJson("/corrections", BODY).status()).isEqualTo(201);
            assertThat(api.get("/corrections").errorCode()).isEqualTo("admin_disabled");
        });
    }

    @Test
    void the_openapi_schemas_name_the_fields_the_code_reads_and_writes() throws Exception {
        JsonNode schemas = JSON.readTree(ServeApp.openApi()).path("components").path("schemas");
        assertThat(names(schemas.path("CorrectionRequest").path("properties")))
                .containsExactlyInAnyOrderElementsOf(CorrectionRequestReader.FIELDS);
        assertThat(names(schemas.path("Correction").path("properties"))).containsExactlyElementsOf(CorrectionJson.FIELDS);
        serve(Backend.SQLITE, TOKEN, api -> {
            JsonNode recorded = api.postJson("/corrections", BODY).json();
            assertThat(names(recorded)).containsExactlyInAnyOrderElementsOf(names(schemas.path("Recorded").path("properties")));
            JsonNode list = api.send("GET", "/corrections", null, ADMIN).json();
            assertThat(names(list)).containsExactlyInAnyOrderElementsOf(names(schemas.path("CorrectionList").path("properties")));
            assertThat(names(list.path("corrections").get(0))).containsExactlyElementsOf(CorrectionJson.FIELDS);
        });
    }

    @Test
    void a_service_built_without_a_store_answers_503_on_corrections_only() {
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults()), (server, client) -> {
            ApiClient api = new ApiClient(client);
            ApiClient.Reply r = api.postJson("/corrections", BODY);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.errorCode()).isEqualTo("corrections_unavailable");
            assertThat(api.classify("{\"text\": \"x\"}").status()).isEqualTo(200);
        });
    }

    @Test
    void the_store_is_named_by_the_option_else_the_environment_else_var() {
        assertThat(StoreLocation.parse(null, java.util.Map.of()).target()).isEqualTo("var/corrections.db");
        assertThat(StoreLocation.parse(null, java.util.Map.of(StoreLocation.ENV, "/srv/c.db")).target()).isEqualTo("/srv/c.db");
        assertThat(StoreLocation.parse("x.db", java.util.Map.of(StoreLocation.ENV, "/srv/c.db")).target()).isEqualTo("x.db");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.path("corrections").forEach(c -> out.add(c.path("id").asLong()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
