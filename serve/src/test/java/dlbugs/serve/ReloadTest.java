package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /admin/reload}: the token, a refused bundle, and a swap under load. */
class ReloadTest {

    private static final String TOKEN = "test-token-123";

    /** The fake model under another version, as a freshly trained bundle would be. */
    record Versioned(FakePredictor inner, String version) implements Predictor {
        @Override
        public List<Prediction> predictAll(List<BugReport> reports) {
            return inner.predictAll(reports);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake-model", version, FakePredictor.INFO.heads());
        }
    }

    /** A source whose bundle is replaced by {@link #publish} or broken by {@link #corrupt}. */
    static final class Source implements ModelSource {
        private final AtomicInteger version = new AtomicInteger(1);
        private volatile boolean corrupt;

        @Override
        public LoadedModel load() {
            if (corrupt) {
                throw new IllegalArgumentException("not a dlbugs bundle (zip END header not found)");
            }
            String v = "v" + version.get();
            return new LoadedModel(List.of(new Versioned(FakePredictor.open(), v), new Versioned(FakePredictor.open(), v)),
                    new ObjectMapper().createObjectNode());
        }

        void publish() {
            version.incrementAndGet();
        }

        void corrupt() {
            corrupt = true;
        }

        @Override
        public String describe() {
            return "models/test.bundle";
        }
    }

    private static ServeApp.Service service(Source source, String token) throws Exception {
        return ServeApp.build(source.load(), source, ServeConfig.defaults().withServing(64, 2, token));
    }

    @Test
    void reload_needs_the_token_and_refuses_a_bad_bundle_while_the_old_model_keeps_serving() throws Exception {
        Source source = new Source();
        JavalinTest.test(service(source, TOKEN).app(), (server, client) -> {
            ApiClient api = new ApiClient(client);
            ApiClient.Reply anonymous = api.postJson("/admin/reload", "");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).isNotEmpty();
            ApiClient.Reply wrong = ApiClient.Reply.of(client.request("/admin/reload",
                    r -> r.post(java.net.http.HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer nope")));
            assertThat(wrong.status()).isEqualTo(401);

            source.publish();
            ApiClient.Reply ok = reload(client);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().path("model").path("version").asText()).isEqualTo("v2");
            assertThat(ok.json().path("previous_version").asText()).isEqualTo("v1");
            assertThat(api.classify("{\"text\": \"x\"}").json().path("model").path("version").asText()).isEqualTo("v2");

            source.corrupt();
            ApiClient.Reply refused = reload(client);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("reload_refused");
            assertThat(refused.message()).contains("models/test.bundle", "not a dlbugs bundle", "still serving version v2");
            ApiClient.Reply after = api.classify("{\"text\": \"x\"}");
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().path("model").path("version").asText()).isEqualTo("v2");
            assertThat(client.get("/metrics").body().string())
                    .contains("dlbugs_model_reloads_total{outcome=\"ok\"} 1.0")
                    .contains("dlbugs_model_reloads_total{outcome=\"refused\"} 1.0")
                    .contains("dlbugs_model_info{name=\"fake-model\",version=\"v2\"} 1");
        });
    }

    @Test
    void admin_endpoints_are_disabled_without_a_token() throws Exception {
        JavalinTest.test(service(new Source(), null).app(), (server, client) -> {
            ApiClient.Reply r = reload(client);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("admin_disabled");
        });
    }

    @Test
    void swapping_the_model_under_load_fails_no_request() throws Exception {
        Source source = new Source();
        JavalinTest.test(service(source, TOKEN).app(), (server, client) -> {
            ApiClient api = new ApiClient(client);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            Set<String> versions = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> loops = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                loops.add(pool.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        String text = "report " + id + "-" + i++;
                        ApiClient.Reply r = api.classify("{\"text\": \"" + text + "\"}");
                        if (r.status() != 200) {
                            failures.add(r.status() + " " + r.json());
                        } else {
                            versions.add(r.json().path("model").path("version").asText());
                            String expected = FakePredictor.expected(new BugReport(null, text, null, null)).head("effect").label();
                            if (!r.json().path("heads").path("effect").path("label").asText().equals(expected)) {
                                failures.add("wrong answer for " + text);
                            }
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            while (ok.get() < 20 && failures.isEmpty()) {
                Thread.sleep(5);
            }
            for (int k = 0; k < 5; k++) {
                Thread.sleep(100);
                source.publish();
                assertThat(reload(client).status()).isEqualTo(200);
            }
            Thread.sleep(100);
            running.set(false);
            for (Future<?> f : loops) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(failures).isEmpty();
            assertThat(ok.get()).isGreaterThan(100);
            assertThat(versions).contains("v1", "v6");
        });
    }

    private static ApiClient.Reply reload(io.javalin.testtools.HttpClient client) {
        return ApiClient.Reply.of(client.request("/admin/reload",
                r -> r.post(java.net.http.HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TOKEN)));
    }
}
