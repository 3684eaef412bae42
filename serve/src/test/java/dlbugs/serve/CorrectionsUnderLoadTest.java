package dlbugs.serve;

import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.testing.Backend;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost: 3,200 corrections posted from 16 threads while {@code /classify} is under load
 * (a fake model) are 3,200 rows, each acknowledged id among them once; on SQLite and PostgreSQL.
 */
class CorrectionsUnderLoadTest {

    private static final int WRITERS = 16;
    private static final int EACH = 200;
    private static final int CLASSIFIERS = 4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void every_one_of_3200_concurrent_corrections_is_stored_once_while_classify_keeps_answering(Backend backend)
            throws Exception {
        CorrectionStore store = CorrectionStores.open(backend.fresh(dir), 10_000);
        JavalinTest.test(CorrectionsEndpointTest.app(store, CorrectionsEndpointTest.TOKEN), (server, client) -> {
            ApiClient api = new ApiClient(client);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + CLASSIFIERS);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger classified = new AtomicInteger();
            List<Future<Integer>> load = new ArrayList<>();
            for (int c = 0; c < CLASSIFIERS; c++) {
                int seed = c;
                load.add(pool.submit(() -> {
                    int bad = 0;
                    for (int i = 0; writing.get(); i++) {
                        bad += api.classify("{\"text\": \"loss is nan " + seed + "-" + i + "\"}").status() == 200 ? 0 : 1;
                        classified.incrementAndGet();
                    }
                    return bad;
                }));
            }
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    int bad = 0;
                    for (int i = 0; i < EACH; i++) {
                        ApiClient.Reply r = api.postJson("/corrections", CorrectionsEndpointTest.BODY
                                .replace("epoch 3", "epoch " + writer + "/" + i));
                        if (r.status() == 201) {
                            acknowledged.add(r.json().path("id").asLong());
                        } else {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            int failedWrites = 0;
            for (Future<Integer> f : writers) {
                failedWrites += f.get();
            }
            writing.set(false);
            int failedClassify = 0;
            for (Future<Integer> f : load) {
                failedClassify += f.get();
            }
            pool.shutdown();

            assertThat(failedWrites).isZero();
            assertThat(acknowledged).hasSize(WRITERS * EACH);
            assertThat(failedClassify).isZero();
            assertThat(classified.get()).isPositive();
            assertThat(store.every(CorrectionQuery.all(null))).hasSize(WRITERS * EACH)
                    .allMatch(c -> acknowledged.contains(c.id()));
        });
    }
}
