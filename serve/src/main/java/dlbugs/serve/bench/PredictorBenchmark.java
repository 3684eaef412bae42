package dlbugs.serve.bench;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.Predictor;
import dlbugs.serve.BundleModelSource;
import dlbugs.serve.LoadedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the predictor alone, without HTTP, on the report {@code bench/speed.sh} sends: each of
 * {@code replicas} threads calls its own replica, one report per call and then 16 (the service
 * micro-batches whatever waits, so under load its calls are batches too). Every report of the
 * process, warm-ups included, carries its own number, so the embedding cache never answers one
 * (an earlier version numbered each phase from 1 again, and its batched figure was mostly cache
 * hits). Used by {@code bench/speed.sh} as the baseline of the service's ratio.
 *
 * <pre>java -cp serve/target/dlbugs-serve.jar dlbugs.serve.bench.PredictorBenchmark BUNDLE SECONDS REPLICAS</pre>
 */
public final class PredictorBenchmark {

    /** The report the load test posts, as a bug report. */
    public static final BugReport REPORT = new BugReport(
            "ValueError: Cannot reshape a tensor with 784 elements to shape [28, 28, 3]",
            "When I call model.fit on my Keras model I get ValueError: Cannot reshape a tensor with 784 elements to "
                    + "shape [28,28,3] (2352 elements). The input images are grayscale; the first Conv2D layer expects "
                    + "input_shape=(28, 28, 3). Using tensorflow 2.3 and keras 2.4.",
            "-model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 3)))\n+model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))",
            "keras");

    /** Numbers the reports of every phase apart. */
    private static final AtomicLong SERIAL = new AtomicLong();

    private PredictorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int replicas = Integer.parseInt(args[2]);
        LoadedModel model = new BundleModelSource(bundle, replicas).load();
        for (int batch : new int[]{1, 16}) {
            run(model.replicas(), 5, batch);
            double[] ms = run(model.replicas(), seconds, batch);
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "predictor alone, %d replica%s, batches of %2d, %d s: %.1f predictions/s, "
                            + "call p50 %.1f ms, p99 %.1f ms%n", replicas, replicas == 1 ? "" : "s", batch, seconds,
                    ms.length * batch / (double) seconds, pct(ms, 0.50), pct(ms, 0.99));
        }
    }

    /**
     * @return the milliseconds of every call; each call labels {@code batch} variants of the report,
     *         each text new (numbered), so the embedding cache never answers
     */
    private static double[] run(List<Predictor> replicas, int seconds, int batch) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<Double>> times = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Predictor p : replicas) {
            List<Double> mine = new ArrayList<>();
            times.add(mine);
            threads.add(new Thread(() -> {
                while (running.get()) {
                    List<BugReport> reports = new ArrayList<>();
                    for (int k = 0; k < batch; k++) {
                        reports.add(new BugReport(REPORT.title(), REPORT.text() + " Run " + SERIAL.incrementAndGet() + ".",
                                REPORT.diff(), REPORT.library()));
                    }
                    long t0 = System.nanoTime();
                    p.predictAll(reports);
                    mine.add((System.nanoTime() - t0) / 1e6);
                }
            }));
        }
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return times.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
