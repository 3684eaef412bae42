package dlbugs.serve;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.serve.api.ClassifyRequest;
import dlbugs.serve.api.ClassifyResponse;
import dlbugs.serve.api.HealthResponse;
import io.javalin.http.Context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Handlers for {@code POST /classify} and {@code GET /health}. Classification is handed to the
 * {@link InferenceQueue} and answered asynchronously, so no HTTP thread is held while a report
 * waits for the model, and the queue's bound, not the thread pool's, decides when to shed load.
 */
final class ClassifyController {

    private final InferenceQueue queue;
    private final ModelInfo info;
    private final Executor responses;
    private final ClassifyRequestReader reader = new ClassifyRequestReader();

    /**
     * @param responses where a request resumes once its prediction is ready (the HTTP pool)
     */
    ClassifyController(InferenceQueue queue, ModelInfo info, Executor responses) {
        this.queue = queue;
        this.info = info;
        this.responses = responses;
    }

    void classify(Context ctx) {
        ClassifyRequest request = reader.read(ctx);
        BugReport report = new BugReport(request.title(), request.text(), request.diff(), request.library());
        CompletableFuture<Prediction> pending = queue.submit(report);
        // Javalin finishes the request on whichever thread completes the future; hop off the
        // inference worker so it never serialises JSON or writes to a slow client's socket.
        ctx.future(() -> pending.whenCompleteAsync((prediction, failure) -> {
            if (failure == null) {
                ctx.json(ClassifyResponse.of(info, prediction, request.threshold()));
            }
        }, responses));
    }

    void health(Context ctx) {
        ctx.json(new HealthResponse("ok", info.name(), info.version()));
    }
}
