package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.serve.ApiClient.Reply;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static java.util.concurrent.CompletableFuture.supplyAsync;
import static org.assertj.core.api.Assertions.assertThat;

class ClassifyConcurrencyTest {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 50;

    @Test
    void parallel_requests_each_get_their_own_prediction_and_the_model_sees_one_caller_at_a_time()
            throws Exception {
        FakePredictor fake = FakePredictor.open();
        JavalinTest.test(ServeApp.create(fake, ServeConfig.defaults()), (server, client) -> {
            ApiClient api = new ApiClient(client);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<String>>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> mismatches(api, thread)));
                }
                for (Future<List<String>> worker : workers) {
                    assertThat(worker.get(60, TimeUnit.SECONDS)).isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
        });
        assertThat(fake.maxConcurrentCallers()).isEqualTo(1);
        assertThat(fake.batchSizes().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(THREADS * REQUESTS_PER_THREAD);
    }

    @Test
    void a_full_queue_answers_overloaded_with_retry_after_and_queued_requests_still_succeed() {
        FakePredictor fake = FakePredictor.gated();
        ServeConfig config = ServeConfig.defaults().withQueue(1, 1);
        JavalinTest.test(ServeApp.create(fake, config), (server, client) -> {
            ApiClient api = new ApiClient(client);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<Reply> running = pool.submit(() -> api.classify("{\"text\": \"first\"}"));
                fake.awaitFirstCall(); // the worker now holds "first"; the one queue slot is free
                CompletableFuture<Reply> second = supplyAsync(() -> api.classify("{\"text\": \"second\"}"), pool);
                CompletableFuture<Reply> third = supplyAsync(() -> api.classify("{\"text\": \"third\"}"), pool);
                // Whichever reaches the queue first takes the slot and waits; the other is refused at once.
                Reply refused = (Reply) CompletableFuture.anyOf(second, third).get(10, TimeUnit.SECONDS);
                fake.release();
                List<Reply> contenders = List.of(second.get(10, TimeUnit.SECONDS), third.get(10, TimeUnit.SECONDS));

                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.errorCode()).isEqualTo("overloaded");
                assertThat(refused.header("Retry-After")).containsExactly("1");
                assertThat(contenders).extracting(Reply::status).containsExactlyInAnyOrder(200, 503);
                assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /** Sends this thread's requests and lists every response that is not its own report's prediction. */
    private static List<String> mismatches(ApiClient api, int thread) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            String text = "report " + thread + "-" + i + " about a shape mismatch";
            Reply reply = api.classify("{\"text\": \"" + text + "\"}");
            if (reply.status() != 200) {
                problems.add(text + ": status " + reply.status());
                continue;
            }
            JsonNode heads = reply.json().path("heads");
            for (HeadPrediction expected : FakePredictor.expected(new BugReport(null, text, null, null)).heads()) {
                JsonNode actual = heads.path(expected.head());
                if (!actual.path("label").asText().equals(expected.label())
                        || actual.path("confidence").asDouble() != expected.confidence()) {
                    problems.add(text + ": head " + expected.head() + " got " + actual);
                }
            }
        }
        return problems;
    }
}
