package dlbugs.serve;

import dlbugs.model.api.ClassifyRequestReader;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadExplanation;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import dlbugs.model.predict.SimilarBug;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs inference on one worker thread per model replica, because a predictor is not
 * thread-safe: each worker only ever calls its own replica. Callers {@link #submit} reports and
 * get futures; a free worker drains up to {@code maxBatch} waiting reports from the shared,
 * bounded queue and labels them with a single {@link Predictor#predictAll} call.
 */
public final class InferenceQueue implements AutoCloseable {

    /** How long an idle worker waits before re-checking whether it was closed. */
    private static final long IDLE_POLL_MILLIS = 20;

    private final BlockingQueue<Job> waiting;
    private final int maxBatch;
    private final IntConsumer batches;
    private final List<Thread> workers = new ArrayList<>();
    private final Object admission = new Object();
    private volatile boolean closed;

    /** As {@link #InferenceQueue(List, int, int)} with a single replica. */
    public InferenceQueue(Predictor predictor, int capacity, int maxBatch) {
        this(List.of(predictor), capacity, maxBatch);
    }

    /**
     * Starts one worker thread per replica.
     *
     * @param replicas independent copies of the model; worker {@code i} only ever calls replica {@code i}
     * @param capacity most reports that may wait; beyond it {@link #submit} rejects
     * @param maxBatch most reports per {@code predictAll} call
     */
    public InferenceQueue(List<Predictor> replicas, int capacity, int maxBatch) {
        this(replicas, capacity, maxBatch, size -> { });
    }

    /**
     * As {@link #InferenceQueue(List, int, int)}, telling {@code batches} the size of every batch formed.
     *
     * @param batches told each batch's size before it is labelled (from a worker thread)
     */
    public InferenceQueue(List<Predictor> replicas, int capacity, int maxBatch, IntConsumer batches) {
        if (capacity < 1 || maxBatch < 1 || replicas.isEmpty()) {
            throw new IllegalArgumentException("replicas, capacity and max batch must be positive");
        }
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.batches = batches;
        for (int i = 0; i < replicas.size(); i++) {
            Predictor replica = replicas.get(i);
            Thread t = new Thread(() -> work(replica), "dlbugs-inference-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    /**
     * Queues a report for labelling.
     *
     * @return completes with the prediction, or exceptionally with what the predictor threw
     * @throws OverloadedException if the queue is full; {@link QueueClosedException} if closed
     */
    public CompletableFuture<Prediction> submit(BugReport report) {
        return submitAll(List.of(report)).get(0);
    }

    /**
     * Queues several reports, all or none.
     *
     * @return one future per report, in order
     * @throws OverloadedException if they do not all fit; {@link QueueClosedException} if closed
     */
    public List<CompletableFuture<Prediction>> submitAll(List<BugReport> reports) {
        return submitAll(reports, Extras.NONE).stream().map(Answer::prediction).toList();
    }

    /**
     * What a caller wants besides the labels.
     *
     * @param explain whether to explain each head's answer
     * @param similar how many similar known bugs to find (0 for none)
     */
    public record Extras(boolean explain, int similar) {
        static final Extras NONE = new Extras(false, 0);

        boolean any() {
            return explain || similar > 0;
        }
    }

    /**
     * The extras computed for a report.
     *
     * @param explanation one per head, or null if not asked
     * @param similar     the most similar known bugs, or null if not asked
     */
    public record Extra(List<HeadExplanation> explanation, List<SimilarBug> similar) {
    }

    /**
     * Queues several reports, all or none, optionally asking for extras too.
     *
     * @return one answer per report, in order; its extras future is null unless extras were asked for
     * @throws OverloadedException if they do not all fit; {@link QueueClosedException} if closed
     */
    public List<Answer> submitAll(List<BugReport> reports, Extras extras) {
        List<Job> jobs = reports.stream().map(r -> new Job(r, new CompletableFuture<Prediction>(), extras,
                extras.any() ? new CompletableFuture<Extra>() : null)).toList();
        // Admission and close share a lock so no job can slip in after the workers' last drain.
        synchronized (admission) {
            if (closed) {
                throw new QueueClosedException();
            }
            if (waiting.remainingCapacity() < jobs.size()) {
                throw new OverloadedException("too many reports waiting for inference (" + waiting.size()
                        + (jobs.size() > 1 ? ", " + jobs.size() + " more asked" : "") + "); retry shortly");
            }
            jobs.forEach(waiting::add);
        }
        return jobs.stream().map(j -> new Answer(j.result(), j.extra())).toList();
    }

    /**
     * A queued report's pending answers.
     *
     * @param prediction completes with the prediction
     * @param extra      completes with the extras; null if none were asked for
     */
    public record Answer(CompletableFuture<Prediction> prediction, CompletableFuture<Extra> extra) {
    }

    /** @return reports waiting for a worker */
    public int depth() {
        return waiting.size();
    }

    /** Refuses new work, lets the workers finish everything already queued, and waits for them. */
    @Override
    public void close() {
        synchronized (admission) {
            closed = true;
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(Predictor predictor) {
        List<Job> batch = new ArrayList<>(maxBatch);
        while (true) {
            Job first = pollQuietly();
            if (first == null) {
                // Closed is read before the emptiness check: once closed, nothing else can arrive.
                if (closed && waiting.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            waiting.drainTo(batch, maxBatch - 1);
            batches.accept(batch.size());
            run(predictor, batch);
            batch.clear();
        }
    }

    private Job pollQuietly() {
        try {
            return waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // The worker is only stopped through close(); an interrupt just ends this wait.
            return null;
        }
    }

    private static void run(Predictor predictor, List<Job> batch) {
        List<Prediction> predictions;
        try {
            predictions = predictor.predictAll(batch.stream().map(Job::report).toList());
            if (predictions.size() != batch.size()) {
                throw new IllegalStateException("predictor returned " + predictions.size()
                        + " predictions for " + batch.size() + " reports");
            }
        } catch (Throwable t) {
            // One bad report must fail only its own request, so retry the batch one by one.
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(t);
                if (batch.get(0).extra() != null) {
                    batch.get(0).extra().completeExceptionally(t);
                }
            } else {
                batch.forEach(job -> run(predictor, List.of(job)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(predictions.get(i));
        }
        for (Job job : batch) {
            if (job.extra() != null) {
                try {
                    Extras e = job.extras();
                    job.extra().complete(new Extra(e.explain() ? predictor.explain(job.report(), ClassifyRequestReader.EXPLAINED_FEATURES) : null,
                            e.similar() > 0 ? predictor.similar(job.report(), e.similar()) : null));
                } catch (RuntimeException e) {
                    job.extra().completeExceptionally(e);
                }
            }
        }
    }

    private record Job(BugReport report, CompletableFuture<Prediction> result, Extras extras,
                       CompletableFuture<Extra> extra) {
    }
}
