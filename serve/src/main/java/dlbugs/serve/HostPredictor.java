package dlbugs.serve;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The served model as a {@link Predictor}, for work off the HTTP threads (the webhook's worker):
 * reports go through the same inference queue as requests, and the caller waits for them.
 */
final class HostPredictor implements Predictor {

    private final ModelHost host;

    HostPredictor(ModelHost host) {
        this.host = host;
    }

    @Override
    public List<Prediction> predictAll(List<BugReport> reports) {
        List<CompletableFuture<Prediction>> pending = host.submit(reports, InferenceQueue.Extras.NONE).results();
        try {
            return pending.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public ModelInfo info() {
        return host.model().info();
    }
}
