package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fastText baseline (Joulin et al., "Bag of Tricks for Efficient Text Classification",
 * EACL 2017), run through the Debian {@code fasttext} binary. For each head it trains one
 * supervised classifier on the fold's training units that have a label for that head. It uses
 * word bigrams, 25 epochs, one thread and the fold's seed, so a run repeats exactly. It then
 * calls {@code predict-prob} with every label on the held-out units. Settings:
 * {@code bench/fasttext.md}.
 */
public final class FastTextModel implements FoldModel {

    /** The binary's name in the Debian package. */
    public static final String DEFAULT_BINARY = "fasttext";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private final String binary;

    /** Uses {@value #DEFAULT_BINARY} from the PATH. */
    public FastTextModel() {
        this(DEFAULT_BINARY);
    }

    /** @param binary the fastText executable: a name on the PATH or a path */
    public FastTextModel(String binary) {
        if (binary == null || binary.isBlank()) {
            throw new IllegalArgumentException("fastText binary must be named, got '" + binary + "'");
        }
        this.binary = binary;
    }

    /** @return true if {@code binary} starts and answers like fastText */
    public static boolean available(String binary) {
        try {
            Process p = new ProcessBuilder(binary).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            // With no arguments fastText prints its usage and exits 1, so the exit code tells us nothing.
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("usage: fasttext");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "fasttext";
    }

    @Override
    public FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                         long seed) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dlbugs-fasttext");
        try {
            Path testFile = dir.resolve("test.txt");
            Files.write(testFile, test.stream().map(i -> FastTextFormat.text(i.report())).toList(),
                    StandardCharsets.UTF_8);
            List<double[][]> byHead = new ArrayList<>();
            for (Head head : taxonomy.heads()) {
                byHead.add(fitAndPredict(head, train, test.size(), testFile, dir, seed));
            }
            return new FoldPredictions(byHead);
        } finally {
            deleteTree(dir);
        }
    }

    private double[][] fitAndPredict(Head head, List<LabelledItem> train, int n, Path testFile, Path dir, long seed)
            throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (LabelledItem item : train) {
            item.majority(head.name()).ifPresent(l -> lines.add(FastTextFormat.trainingLine(l, item.report())));
        }
        double[][] rows = new double[n][];
        if (lines.isEmpty() || n == 0) {
            // fastText cannot train without a label, and nothing would be asked of it
            Arrays.setAll(rows, i -> FastTextFormat.uniform(head.size()));
            return rows;
        }
        Path input = dir.resolve(head.name() + ".train.txt");
        Path model = dir.resolve(head.name());
        Files.write(input, lines, StandardCharsets.UTF_8);
        run(dir, List.of(binary, "supervised", "-input", input.toString(), "-output", model.toString(),
                "-epoch", "25", "-lr", "0.5", "-wordNgrams", "2", "-dim", "50", "-minCount", "1",
                "-thread", "1", "-seed", Long.toString(seed), "-verbose", "0"));
        List<String> out = run(dir, List.of(binary, "predict-prob", model + ".bin", testFile.toString(), "-1"));
        // With bigrams a model holds 2M hashed buckets × 50 floats (400 MB), so keep one at a time.
        Files.delete(Path.of(model + ".bin"));
        Files.deleteIfExists(Path.of(model + ".vec"));
        if (out.size() != n) {
            throw new IOException("fastText predict-prob gave " + out.size() + " lines for " + n
                    + " test units on head " + head.name());
        }
        Map<String, Integer> columns = FastTextFormat.columns(head);
        Arrays.setAll(rows, i -> FastTextFormat.row(out.get(i), columns));
        return rows;
    }

    /** Runs one fastText command with stdout and stderr in files, so neither pipe can fill and block it. */
    private List<String> run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run the fastText binary '" + binary
                    + "' (install it with apt-get install fasttext): " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT.toMinutes()
                        + " minutes");
            }
        } finally {
            // also on interruption (another fold failed): no fastText left running
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue() + ": "
                    + lastLine(err));
        }
        return new String(Files.readAllBytes(out), StandardCharsets.UTF_8).lines().toList();
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip().lines().toList();
        return lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1).strip();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
