package dlbugs.train.eval;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fastText baseline (Joulin et al., "Bag of Tricks for Efficient Text Classification",
 * EACL 2017) run through the Debian {@code fasttext} binary: one supervised classifier per head
 * on the fold's training units (word bigrams, 25 epochs, one thread and a fixed seed so runs
 * repeat), then {@code predict-prob} with every label for the held-out units.
 */
public final class FastTextModel implements FoldModel {

    private static final int MAX_CHARS = 20_000;
    private static final long TIMEOUT_MINUTES = 10;
    private final String binary;

    /** @param binary the fastText executable, e.g. {@code fasttext} */
    public FastTextModel(String binary) {
        this.binary = binary;
    }

    /** @return true if the binary can be started */
    public static boolean available(String binary) {
        try {
            Process p = new ProcessBuilder(binary).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.contains("usage: fasttext");
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
            Files.write(testFile, test.stream().map(i -> text(i.report())).toList(), StandardCharsets.UTF_8);
            List<double[][]> byHead = new ArrayList<>();
            for (Head head : taxonomy.heads()) {
                byHead.add(head(head, train, test.size(), testFile, dir, seed));
            }
            return new FoldPredictions(byHead);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private double[][] head(Head head, List<LabelledItem> train, int n, Path testFile, Path dir, long seed)
            throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (LabelledItem item : train) {
            item.majority(head.name()).ifPresent(l -> lines.add(label(l) + " " + text(item.report())));
        }
        double[][] rows = new double[n][];
        if (lines.stream().map(l -> l.substring(0, l.indexOf(' '))).distinct().count() < 2) {
            Arrays.setAll(rows, i -> uniform(head.size()));
            return rows;
        }
        Path trainFile = dir.resolve(head.name() + ".train.txt");
        Files.write(trainFile, lines, StandardCharsets.UTF_8);
        Path model = dir.resolve(head.name());
        run(List.of(binary, "supervised", "-input", trainFile.toString(), "-output", model.toString(), "-epoch", "25",
                "-lr", "0.5", "-wordNgrams", "2", "-dim", "50", "-minCount", "1", "-thread", "1",
                "-seed", Long.toString(seed), "-verbose", "0"));
        List<String> out = run(List.of(binary, "predict-prob", model + ".bin", testFile.toString(), "-1"));
        for (int i = 0; i < n; i++) {
            rows[i] = i < out.size() ? parse(out.get(i), head) : uniform(head.size());
        }
        return rows;
    }

    private static double[] parse(String line, Head head) {
        double[] row = new double[head.size()];
        String[] parts = line.strip().split("\\s+");
        for (int k = 0; k + 1 < parts.length; k += 2) {
            int idx = indexOfLabel(parts[k], head);
            if (idx >= 0) {
                row[idx] += Double.parseDouble(parts[k + 1]);
            }
        }
        double sum = Arrays.stream(row).sum();
        if (sum <= 0) {
            return uniform(head.size());
        }
        for (int l = 0; l < row.length; l++) {
            row[l] /= sum;
        }
        return row;
    }

    private static int indexOfLabel(String token, Head head) {
        for (int l = 0; l < head.size(); l++) {
            if (label(head.labels().get(l)).equals(token)) {
                return l;
            }
        }
        return -1;
    }

    /** @return the fastText label token of a label (spaces become underscores) */
    static String label(String label) {
        return "__label__" + label.replace(' ', '_');
    }

    /** @return a report as one lower-case line, whitespace collapsed, never empty */
    static String text(BugReport r) {
        String t = (r.title() + " " + r.text() + " " + r.diff()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        t = t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
        return t.isEmpty() ? "_empty_" : t;
    }

    private static double[] uniform(int k) {
        double[] row = new double[k];
        Arrays.fill(row, 1.0 / k);
        return row;
    }

    private List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        if (p.exitValue() != 0) {
            String last = err.isEmpty() ? "" : err.substring(err.lastIndexOf('\n') + 1);
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed (exit " + p.exitValue() + "): " + last);
        }
        return out;
    }
}
