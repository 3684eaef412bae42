package dlbugs.serve;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceQueueTest {

    private static BugReport report(String text) {
        return new BugReport("", text, "", "keras");
    }

    private static Prediction await(CompletableFuture<Prediction> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void requests_that_wait_together_are_labelled_in_one_batch() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        try (InferenceQueue queue = new InferenceQueue(fake, 64, 32)) {
            CompletableFuture<Prediction> first = queue.submit(report("first"));
            fake.awaitFirstCall();
            List<CompletableFuture<Prediction>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waiting.add(queue.submit(report("waiting " + i)));
            }
            fake.release();

            assertThat(await(first)).isEqualTo(FakePredictor.expected(report("first")));
            for (int i = 0; i < 5; i++) {
                assertThat(await(waiting.get(i))).isEqualTo(FakePredictor.expected(report("waiting " + i)));
            }
            assertThat(fake.batchSizes()).containsExactly(1, 5);
        }
    }

    @Test
    void a_batch_never_exceeds_the_maximum_and_each_batch_formed_is_reported() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        List<Integer> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (InferenceQueue queue = new InferenceQueue(List.of(fake), 64, 4, reported::add)) {
            queue.submit(report("first"));
            fake.awaitFirstCall();
            List<CompletableFuture<Prediction>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(queue.submit(report("waiting " + i)));
            }
            fake.release();
            for (CompletableFuture<Prediction> future : waiting) {
                await(future);
            }

            assertThat(fake.batchSizes()).containsExactly(1, 4, 4, 2);
            assertThat(reported).containsExactly(1, 4, 4, 2);
        }
    }

    @Test
    void a_failing_report_fails_only_its_own_request_and_not_its_batch_mates() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        try (InferenceQueue queue = new InferenceQueue(fake, 64, 32)) {
            queue.submit(report("first"));
            fake.awaitFirstCall();
            CompletableFuture<Prediction> before = queue.submit(report("before"));
            CompletableFuture<Prediction> bad = queue.submit(report(FakePredictor.NOTHING));
            CompletableFuture<Prediction> after = queue.submit(report("after"));
            fake.release();

            assertThat(await(before)).isEqualTo(FakePredictor.expected(report("before")));
            assertThat(await(after)).isEqualTo(FakePredictor.expected(report("after")));
            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(NoUsableContentException.class);
            // first alone, the batch of three that failed, then each of the three retried alone
            assertThat(fake.batchSizes()).containsExactly(1, 3, 1, 1, 1);
        }
    }

    @Test
    void a_full_queue_rejects_new_reports_as_overloaded() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        try (InferenceQueue queue = new InferenceQueue(fake, 2, 32)) {
            queue.submit(report("running"));
            fake.awaitFirstCall();
            queue.submit(report("queued 1"));
            queue.submit(report("queued 2"));

            assertThatThrownBy(() -> queue.submit(report("one too many")))
                    .isInstanceOf(OverloadedException.class);
            fake.release();
        }
    }

    @Test
    void close_finishes_queued_work_before_stopping() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        InferenceQueue queue = new InferenceQueue(fake, 64, 2);
        List<CompletableFuture<Prediction>> futures = new ArrayList<>();
        futures.add(queue.submit(report("running")));
        fake.awaitFirstCall();
        for (int i = 0; i < 5; i++) {
            futures.add(queue.submit(report("queued " + i)));
        }
        Thread closer = new Thread(queue::close);
        closer.start();
        fake.release();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(closer.isAlive()).isFalse();
        assertThat(futures).allSatisfy(future -> assertThat(future).isCompleted().isNotCompletedExceptionally());
    }

    @Test
    void a_closed_queue_refuses_new_reports() {
        InferenceQueue queue = new InferenceQueue(FakePredictor.open(), 4, 4);
        queue.close();

        assertThatThrownBy(() -> queue.submit(report("late")))
                .isInstanceOf(OverloadedException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void the_model_is_only_ever_called_from_one_thread_at_a_time() throws Exception {
        FakePredictor fake = FakePredictor.open();
        try (InferenceQueue queue = new InferenceQueue(fake, 1024, 8)) {
            List<Thread> submitters = new ArrayList<>();
            List<CompletableFuture<Prediction>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int thread = t;
                submitters.add(new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        futures.add(queue.submit(report(thread + "-" + i)));
                    }
                }));
            }
            submitters.forEach(Thread::start);
            for (Thread submitter : submitters) {
                submitter.join();
            }
            for (CompletableFuture<Prediction> future : futures) {
                await(future);
            }
        }
        assertThat(fake.maxConcurrentCallers()).isEqualTo(1);
    }

    @Test
    void replicas_work_in_parallel_but_each_is_only_ever_called_by_its_own_worker() throws Exception {
        FakePredictor a = FakePredictor.gated();
        FakePredictor b = FakePredictor.gated();
        try (InferenceQueue queue = new InferenceQueue(List.of(a, b), 1024, 4)) {
            List<CompletableFuture<Prediction>> futures = new ArrayList<>(queue.submitAll(
                    java.util.stream.IntStream.range(0, 200).mapToObj(i -> report("r" + i)).toList()));
            a.awaitFirstCall();
            b.awaitFirstCall();
            a.release();
            b.release();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(await(futures.get(i))).isEqualTo(FakePredictor.expected(report("r" + i)));
            }
        }
        assertThat(a.maxConcurrentCallers()).isEqualTo(1);
        assertThat(b.maxConcurrentCallers()).isEqualTo(1);
        assertThat(a.batchSizes().stream().mapToInt(Integer::intValue).sum()
                + b.batchSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
    }

    @Test
    void submit_all_is_all_or_nothing() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        try (InferenceQueue queue = new InferenceQueue(fake, 4, 1)) {
            queue.submit(report("first"));
            fake.awaitFirstCall();
            assertThatThrownBy(() -> queue.submitAll(List.of(report("a"), report("b"), report("c"), report("d"), report("e"))))
                    .isInstanceOf(OverloadedException.class);
            assertThat(queue.depth()).isZero();
            assertThat(queue.submitAll(List.of(report("a"), report("b")))).hasSize(2);
            assertThat(queue.depth()).isEqualTo(2);
            fake.release();
        }
    }
}
