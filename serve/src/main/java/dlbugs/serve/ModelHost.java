package dlbugs.serve;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.Prediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Holds the model being served with its inference queue, and swaps both at once on reload. A
 * request takes the current model when it is submitted and is answered by that model even if a
 * reload happens meanwhile: the old queue finishes what it holds before it stops. A reload that
 * fails leaves the current model serving.
 */
final class ModelHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHost.class);

    /** A model and the queue in front of it. */
    record Served(LoadedModel model, InferenceQueue queue) {
    }

    /** What was submitted: the model that will answer and one pending answer per report. */
    record Submission(LoadedModel model, List<InferenceQueue.Answer> answers) {
        List<CompletableFuture<Prediction>> results() {
            return answers.stream().map(InferenceQueue.Answer::prediction).toList();
        }
    }

    private final ModelSource source;
    private final int capacity;
    private final int maxBatch;
    private final Consumer<LoadedModel> onSwap;
    private final IntConsumer batches;
    private final AtomicReference<Served> current = new AtomicReference<>();
    private final Object reloading = new Object();

    /**
     * @param initial the model to serve first
     * @param source  where a reload reads the model; null if reloading is not possible
     * @param onSwap  told about every model that starts serving, the first included
     * @param batches told the size of every batch the inference workers form
     */
    ModelHost(LoadedModel initial, ModelSource source, int capacity, int maxBatch, Consumer<LoadedModel> onSwap,
              IntConsumer batches) {
        this.batches = batches;
        this.source = source;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.onSwap = onSwap;
        current.set(serve(initial));
    }

    private Served serve(LoadedModel model) {
        onSwap.accept(model);
        return new Served(model, new InferenceQueue(model.replicas(), capacity, maxBatch, batches));
    }

    /** @return the model serving now */
    LoadedModel model() {
        return current.get().model();
    }

    /** @return reports waiting for inference */
    int depth() {
        return current.get().queue().depth();
    }

    /**
     * Queues reports on the current model, all or none; if a reload closed that model's queue
     * in between, they go to the new one.
     *
     * @throws OverloadedException if the queue is full, or the service is stopping
     */
    Submission submit(List<BugReport> reports, InferenceQueue.Extras extras) {
        while (true) {
            Served s = current.get();
            try {
                return new Submission(s.model(), s.queue().submitAll(reports, extras));
            } catch (QueueClosedException e) {
                if (current.get() == s) {
                    throw e;
                }
            }
        }
    }

    /**
     * Loads the model again from its source and swaps it in; the old one finishes its queued
     * work first. One reload at a time.
     *
     * @return the model now serving
     * @throws ReloadException if there is no source, or it cannot be loaded (the old model keeps serving)
     */
    LoadedModel reload() {
        if (source == null) {
            throw new ReloadException("this server was not started from a bundle file; nothing to reload");
        }
        synchronized (reloading) {
            LoadedModel fresh;
            try {
                fresh = source.load();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("reload refused, still serving {} {}: {}", model().info().name(), model().info().version(), why);
                throw new ReloadException("cannot load " + source.describe() + ": " + why + "; still serving version "
                        + model().info().version());
            }
            Served old = current.getAndSet(serve(fresh));
            old.queue().close();
            LOG.info("reloaded {}: now serving {} {} (was {})", source.describe(), fresh.info().name(),
                    fresh.info().version(), old.model().info().version());
            return fresh;
        }
    }

    /** Stops taking work and finishes what is queued. */
    @Override
    public void close() {
        current.get().queue().close();
    }
}
