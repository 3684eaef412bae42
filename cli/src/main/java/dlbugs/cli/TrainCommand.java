package dlbugs.cli;

import dlbugs.model.bundle.BundleWriter;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.Quality;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.training.TrainingPipeline;
import dlbugs.train.training.RunInfos;
import dlbugs.train.training.TrainingConfig;
import dlbugs.train.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code dlbugs train}: imports the corpus, cross-validates the network to measure it and to
 * calibrate each head, trains every head at once on all units and writes one bundle.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the multi-task network on the corpus and write a versioned model bundle.")
public class TrainCommand implements Callable<Integer> {

    /** Where the shipped bundle lives, relative to the repository root. */
    public static final Path DEFAULT_BUNDLE = Path.of("models", "dlbugs-default.bundle");

    @Mixin
    CorpusOptions corpus;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    EncoderOptions encoder;

    @Option(names = "--out", paramLabel = "FILE", description = "Bundle to write (default: ${DEFAULT-VALUE}).")
    Path out = DEFAULT_BUNDLE;

    @Option(names = "--seed", description = "Seed of initialisation, dropout, shuffling and hold-out split (default: ${DEFAULT-VALUE}).")
    long seed = TrainingConfig.defaults().seed();

    @Option(names = "--epochs", description = "Passes over the training units (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingConfig.defaults().epochs();

    @Option(names = "--folds", description = "Grouped cross-validation folds for the figures and the calibration, 0 for none (default: ${DEFAULT-VALUE}).")
    int folds = TrainingConfig.defaults().folds();

    @Option(names = "--report", description = "Also print the corpus import report.")
    boolean report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        if (folds == 1 || folds < 0) {
            throw new ParameterException(spec.commandLine(), "--folds must be 0 or at least 2, got " + folds);
        }
        TrainingConfig config = TrainingConfig.defaults().withRun(seed, epochs, folds, corpus.importOptions())
                .withEncoder(encoder.name());
        Taxonomy taxonomy = Taxonomy.islam2019();
        Corpus c = corpus.load(taxonomy, config.corpus());
        PrintWriter stdout = spec.commandLine().getOut();
        if (report) {
            stdout.print(c.report().toText());
        }
        TrainingResult result;
        try (PhaseProgressListener progress = new PhaseProgressListener(progressOptions)) {
            result = new TrainingPipeline(taxonomy, new ProseTokenizer()).run(c, config,
                    RunInfos.now("dlbugs-islam2019", corpus.directory().toString()), progress);
        }
        BundleWriter.write(result.bundle(), out);
        stdout.println(summary(taxonomy, c, result, out));
        return 0;
    }

    private static String summary(Taxonomy taxonomy, Corpus c, TrainingResult r, Path out) throws Exception {
        String perHead = taxonomy.heads().stream()
                .map(h -> h.name() + " " + c.items().stream().filter(i -> i.has(h.name())).count())
                .collect(Collectors.joining(", "));
        Evaluation e = r.bundle().manifest().evaluation();
        String figures = e.heads().isEmpty() ? "no cross-validation" : "cross-validated macro-F1 (majority guess) " + e.heads().stream()
                .map(h -> String.format(Locale.ROOT, "%s %.2f (%.2f)", h.head(), h.macroF1(), h.majorityMacroF1()))
                .collect(Collectors.joining(", "));
        String corrected = c.corrections().count() == 0 ? "" : String.format(Locale.ROOT, " + %d corrected (%d accepted "
                + "corrections up to id %d)", c.of(Quality.CORRECTED).size(), c.corrections().count(), c.corrections().upToId());
        return String.format(Locale.ROOT,
                "trained %s %s on %d gold + %d silver%s units (labelled: %s) in %.1f s; %s; wrote %s (%.1f MB)",
                r.bundle().manifest().name(), r.bundle().manifest().version(), c.of(Quality.GOLD).size(),
                c.of(Quality.SILVER).size(), corrected, perHead, r.seconds(), figures, out, Files.size(out) / 1e6);
    }
}
