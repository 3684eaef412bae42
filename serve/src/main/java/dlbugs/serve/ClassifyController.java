package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.api.ClassifyRequestReader;
import dlbugs.model.api.ClassifyResponse;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.serve.api.BatchResponse;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Handlers for {@code POST /classify} and {@code POST /classify/batch}. Reports are handed to
 * the {@link ModelHost}'s inference queue and answered asynchronously, so no HTTP thread is held
 * while a report waits for the model, and the queue's bound, not the thread pool's, decides when
 * to shed load. Every answer names the model version that produced it.
 */
final class ClassifyController {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifyController.class);

    private final ModelHost host;
    private final Executor responses;
    private final int maxBatchItems;
    private final ClassifyRequestReader reader = new ClassifyRequestReader();

    /**
     * @param responses     where a request resumes once its prediction is ready (the HTTP pool)
     * @param maxBatchItems most instances in one batch request
     */
    ClassifyController(ModelHost host, Executor responses, int maxBatchItems) {
        this.host = host;
        this.responses = responses;
        this.maxBatchItems = maxBatchItems;
    }

    void classify(Context ctx) {
        ClassifyRequestReader.Single request = reader.read(JsonBody.of(ctx));
        ClassifyRequestReader.Options o = request.options();
        ModelHost.Submission s = host.submit(List.of(request.report()), extras(o));
        InferenceQueue.Answer answer = s.answers().get(0);
        CompletableFuture<?> done = answer.extra() == null ? answer.prediction()
                : CompletableFuture.allOf(answer.prediction(), answer.extra());
        // Javalin finishes the request on whichever thread completes the future; hop off the
        // inference worker so it never serialises JSON or writes to a slow client's socket.
        ctx.future(() -> done.thenApplyAsync(ignored -> {
            InferenceQueue.Extra extra = answer.extra() == null ? null : answer.extra().join();
            ctx.json(ClassifyResponse.of(request.instance().id(), s.model().info(), answer.prediction().join(), o,
                    extra == null ? null : extra.explanation(), extra == null ? null : extra.similar()));
            return null;
        }, responses));
    }

    void batch(Context ctx) {
        ClassifyRequestReader.Batch request = reader.readBatch(JsonBody.of(ctx), maxBatchItems);
        ClassifyRequestReader.Options o = request.options();
        ModelHost.Submission s = host.submit(request.reports(), extras(o));
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (InferenceQueue.Answer a : s.answers()) {
            pending.add(a.prediction());
            if (a.extra() != null) {
                pending.add(a.extra());
            }
        }
        ctx.future(() -> CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handleAsync((ignored, failure) -> {
            List<BatchResponse.Item> items = new ArrayList<>();
            for (int i = 0; i < s.answers().size(); i++) {
                items.add(item(request.instances().get(i).id(), s.answers().get(i), o));
            }
            ctx.json(new BatchResponse(ClassifyResponse.Model.of(s.model().info()), items));
            return null;
        }, responses));
    }

    private static InferenceQueue.Extras extras(ClassifyRequestReader.Options o) {
        return new InferenceQueue.Extras(o.explain(), o.similar());
    }

    private static BatchResponse.Item item(JsonNode id, InferenceQueue.Answer a, ClassifyRequestReader.Options o) {
        try {
            InferenceQueue.Extra extra = a.extra() == null ? null : a.extra().join();
            return BatchResponse.Item.answer(id, ClassifyResponse.heads(a.prediction().join(), o.threshold(), o.topK()),
                    extra == null ? null : ClassifyResponse.explanation(extra.explanation()),
                    extra == null ? null : ClassifyResponse.similar(extra.similar()));
        } catch (CompletionException e) {
            if (e.getCause() instanceof NoUsableContentException none) {
                return BatchResponse.Item.failure(id, ErrorMapping.NO_USABLE_CONTENT, none.getMessage());
            }
            LOG.error("unexpected failure labelling a batch instance", e.getCause());
            return BatchResponse.Item.failure(id, ErrorMapping.INTERNAL_ERROR, ErrorMapping.INTERNAL_MESSAGE);
        }
    }
}
