package dlbugs.serve.bench;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.CorpusImporter;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.features.EmbeddingConfig;
import dlbugs.model.features.TextEncoder;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.taxonomy.Taxonomy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the sentence encoder on corpus reports: for each text setting {@code K:MAX} (K diff
 * characters embedded, MAX characters in all; MAX 0 for no cap), {@code n} reports (every k-th unit of the corpus, so commits and questions alike) one at a
 * time (wall and the calling thread's CPU time, which ONNX's single intra-op thread runs on, so
 * a busy machine shows in the one and not the other) and then in batches of 16, each phase on a
 * freshly started encoder so that no text is answered from the cache. Prints text lengths, per-report latency percentiles, throughput,
 * the start-up time and the process' resident memory before and after starting the encoder.
 *
 * <pre>java [-Ddlbugs.encoder=NAME] -cp serve/target/dlbugs-serve.jar dlbugs.serve.bench.EncoderBenchmark CORPUS N K:MAX...</pre>
 * The encoder is all-MiniLM-L6-v2 unless {@code dlbugs.encoder} names another.
 */
public final class EncoderBenchmark {

    private static final String ENCODER = System.getProperty("dlbugs.encoder", TextEncoders.ALL_MINILM_L6_V2_Q);

    private EncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<LabelledItem> items = new CorpusImporter(Taxonomy.islam2019())
                .importFrom(CorpusLayout.at(Path.of(args[0])), ImportOptions.defaults()).items();
        int n = Integer.parseInt(args[1]);
        List<BugReport> sample = new ArrayList<>();
        List<BugReport> warmUp = new ArrayList<>();
        int step = Math.max(1, items.size() / n);
        for (int i = 0; i < items.size(); i++) {
            (i % step == 0 && sample.size() < n ? sample : warmUp).add(items.get(i).report());
        }
        System.out.printf(Locale.ROOT, "%s; %d cores; %d of %d units; RSS before the encoder %d MB%n", ENCODER,
                Runtime.getRuntime().availableProcessors(), sample.size(), items.size(), rssMb());
        for (int a = 2; a < args.length; a++) {
            String[] km = args[a].split(":");
            int k = Integer.parseInt(km[0]);
            int max = Integer.parseInt(km[1]);
            run(sample, warmUp.subList(0, 10), k, max == 0 ? Integer.MAX_VALUE : max);
        }
        System.out.printf(Locale.ROOT, "RSS at the end %d MB%n", rssMb());
    }

    private static void run(List<BugReport> sample, List<BugReport> warmUp, int diffChars, int maxChars) {
        long t0 = System.nanoTime();
        TextEncoder one = TextEncoders.open(ENCODER);
        double startMs = (System.nanoTime() - t0) / 1e6;
        EmbeddingConfig config = new EmbeddingConfig(one.spec(), diffChars, maxChars);
        List<String> texts = sample.stream().map(config::textOf).toList();
        double[] chars = texts.stream().mapToDouble(String::length).sorted().toArray();
        warmUp.forEach(r -> one.encode(config.textOf(r)));
        double[] single = new double[texts.size()];
        double[] cpu = new double[texts.size()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < texts.size(); i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            one.encode(texts.get(i));
            single[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        TextEncoder batched = TextEncoders.open(ENCODER);
        batched.encode(warmUp.stream().map(config::textOf).toList());
        List<Double> perBatch = new ArrayList<>();
        long b0 = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 16) {
            long s = System.nanoTime();
            batched.encode(texts.subList(from, Math.min(texts.size(), from + 16)));
            perBatch.add((System.nanoTime() - s) / 1e6);
        }
        double batchSeconds = (System.nanoTime() - b0) / 1e9;
        Arrays.sort(single);
        Arrays.sort(cpu);
        double[] batches = perBatch.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "K=%d max=%d: text chars p50 %.0f p99 %.0f max %.0f; start %.0f ms; one at a time p50 %.1f ms "
                        + "p99 %.1f ms max %.1f ms (%.1f reports/s; CPU of the calling thread p50 %.1f ms p99 %.1f ms); batches of 16 p50 %.0f ms p99 %.0f ms "
                        + "(%.1f ms per report, %.1f reports/s); RSS %d MB%n",
                diffChars, maxChars == Integer.MAX_VALUE ? 0 : maxChars, pct(chars, 0.5), pct(chars, 0.99), chars[chars.length - 1], startMs, pct(single, 0.5),
                pct(single, 0.99), single[single.length - 1], single.length / (Arrays.stream(single).sum() / 1e3), pct(cpu, 0.5), pct(cpu, 0.99),
                pct(batches, 0.5), pct(batches, 0.99), batchSeconds * 1e3 / texts.size(), texts.size() / batchSeconds,
                rssMb());
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return -1;
    }
}
