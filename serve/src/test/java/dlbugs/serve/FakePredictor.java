package dlbugs.serve;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.HeadPrediction.LabelScore;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import dlbugs.model.taxonomy.Head;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A deterministic stand-in for a trained model. Scores derive from a hash of the report, so
 * {@link #expected} tells a test what any report must get. Text {@code nothing} has no usable
 * content and text {@code explode} fails unexpectedly. It records batch sizes and the most
 * callers it ever saw at once, and can hold every call until a test opens its gate.
 */
final class FakePredictor implements Predictor {

    static final String NOTHING = "nothing";
    static final String EXPLODE = "explode";
    static final ModelInfo INFO = new ModelInfo("fake-model", "1.2.3", List.of(
            head("bug_type", "API Bug", "Coding Bug", "Data Bug", "SB.Logic Bug"),
            head("root_cause", "APIM", "UT", "IPS"),
            head("effect", "Crash", "Hang")));

    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate;

    private FakePredictor(CountDownLatch gate) {
        this.gate = gate;
    }

    /** @return a predictor that answers at once */
    static FakePredictor open() {
        return new FakePredictor(new CountDownLatch(0));
    }

    /** @return a predictor whose calls wait until {@link #release()} */
    static FakePredictor gated() {
        return new FakePredictor(new CountDownLatch(1));
    }

    @Override
    public List<Prediction> predictAll(List<BugReport> reports) {
        int now = active.incrementAndGet();
        maxActive.accumulateAndGet(now, Math::max);
        batchSizes.add(reports.size());
        entered.countDown();
        try {
            awaitGate();
            LockSupport.parkNanos(500_000); // widen the window in which an overlapping caller would show
            for (BugReport report : reports) {
                if (report.text().equals(NOTHING)) {
                    throw new NoUsableContentException("no token of the report is in the vocabulary");
                }
                if (report.text().equals(EXPLODE)) {
                    throw new IllegalStateException("secret internal detail");
                }
            }
            return reports.stream().map(FakePredictor::expected).toList();
        } finally {
            active.decrementAndGet();
        }
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    /** The prediction this fake gives a report, whatever batch it arrives in. */
    static Prediction expected(BugReport report) {
        List<HeadPrediction> heads = new ArrayList<>();
        for (Head head : INFO.heads()) {
            int seed = (head.name() + "|" + report.title() + "|" + report.text() + "|" + report.diff() + "|"
                    + report.library()).hashCode();
            double[] weights = new double[head.size()];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1 + ((seed >>> (i * 5)) & 31);
                total += weights[i];
            }
            List<LabelScore> top = new ArrayList<>();
            for (int i = 0; i < weights.length; i++) {
                top.add(new LabelScore(head.labels().get(i), weights[i] / total));
            }
            top.sort(Comparator.comparingDouble(LabelScore::score).reversed());
            heads.add(new HeadPrediction(head.name(), top.get(0).label(), top.get(0).score(), top, 0.5));
        }
        return new Prediction(heads);
    }

    /** Lets every waiting and future call proceed. */
    void release() {
        gate.countDown();
    }

    /** Waits until some call has started. */
    void awaitFirstCall() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the predictor was never called");
        }
    }

    int maxConcurrentCallers() {
        return maxActive.get();
    }

    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    private void awaitGate() {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Head head(String name, String... labels) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String label : labels) {
            definitions.put(label, "the " + label + " label");
        }
        return new Head(name, name, List.of(labels), definitions);
    }
}
