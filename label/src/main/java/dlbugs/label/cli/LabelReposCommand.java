package dlbugs.label.cli;

import dlbugs.label.repo.FixPolicy;
import dlbugs.label.spark.JobSettings;
import dlbugs.label.spark.LabelReposJob;
import dlbugs.label.spark.RepoList;
import dlbugs.label.spark.RepoSource;
import dlbugs.label.spark.RepoSummary.Status;
import dlbugs.label.spark.SparkOnDemand;
import dlbugs.label.spark.SparkSettings;
import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.corpus.CorpusLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs label-repos}: {@code label-repo} over a list of repositories, as one Apache Spark
 * job (embedded on {@code local[*]}, or on any cluster under {@code spark-submit}), with the
 * study's tables across all of them.
 */
@Command(name = "label-repos", mixinStandardHelpOptions = true,
        description = {"Label the bug-fix commits touching DL code of every repository in LIST (one a line: "
                + "a path or a clone URL, optionally followed by a revision range) as an Apache Spark job.",
                "Writes OUT/records/repo=<name>/records.jsonl (label-repo's records), OUT/records.parquet, "
                        + "OUT/summary.json and OUT/report.{md,html,json}. A re-run skips repositories already complete."})
public class LabelReposCommand implements Callable<Integer> {

    /**
     * The exit code when any repository of the list failed (the others' records and the report are
     * written; {@code summary.json} gives each failure's reason; a re-run tries the failed ones
     * again): 65, bad input data, as {@code classify} exits when a line fails.
     */
    public static final int REPOSITORIES_FAILED = 65;

    @Parameters(index = "0", paramLabel = "LIST", description = "The repositories, one a line: SOURCE [RANGE].")
    Path list;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output directory (on a cluster: a path every executor sees).")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: the one spark-submit gives, else local[*].")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    Map<String, String> conf = Map.of();

    @Option(names = "--all-commits", description = "Consider every commit, not only those whose message says they fix something.")
    boolean allCommits;

    @Option(names = "--fix-pattern", paramLabel = "REGEX",
            description = "What a fix's message contains (Java regex, searched). Default: " + FixPolicy.DEFAULT_PATTERN)
    String fixPattern;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Confidence a head needs to be 'accepted' (0..1). Default: each head's threshold from the bundle.")
    Double threshold;

    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "${env:DLBUGS_BUNDLE:-models/dlbugs-default.bundle}",
            description = "Model bundle, a path every executor sees (default: $DLBUGS_BUNDLE, else models/dlbugs-default.bundle).")
    Path bundle;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:DLBUGS_CORPUS:-../shared/datasets}",
            description = "Where the study's workbooks are (islam2019/dataset.zip), for its shares beside the new ones.")
    Path corpus;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Units per model call. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Spec
    CommandSpec spec;

    /** The entry point spark-submit calls ({@code --class dlbugs.label.cli.LabelReposCommand}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LabelReposCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be in [0, 1], got " + threshold);
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        }
        if (!Files.isRegularFile(list)) {
            throw new ParameterException(spec.commandLine(), "no repository list at " + list);
        }
        List<RepoSource> repos;
        try {
            repos = RepoList.read(list);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isRegularFile(bundle)) {
            throw new BundleFormatException("no model bundle at " + bundle);
        }
        PrintWriter err = spec.commandLine().getErr();
        JobSettings settings = new JobSettings(out.toAbsolutePath().toString(), bundle.toAbsolutePath().toString(),
                fixPattern != null ? fixPattern : FixPolicy.DEFAULT_PATTERN, allCommits, threshold, batchSize);
        LabelReposJob.Result r;
        try (SparkOnDemand spark = new SparkOnDemand(() -> SparkSettings.session(master, conf))) {
            r = new LabelReposJob(spark, settings, new CorpusLayout(corpus).datasetZip(), err).run(repos);
        }
        summary(err, r);
        return r.count(Status.FAILED) > 0 ? REPOSITORIES_FAILED : 0;
    }

    /** Prints what became of the list: each repository in exactly one count, each failure with its reason. */
    private void summary(PrintWriter err, LabelReposJob.Result r) {
        err.printf(Locale.ROOT, "dlbugs: %d repositories: %d labelled now, %d complete already, %d failed; "
                        + "%,d records; report %s %s%n", r.summaries().size(), r.count(Status.LABELLED),
                r.count(Status.COMPLETE), r.count(Status.FAILED), r.records(),
                r.reportBuilt() ? "written to" : "unchanged at", out.resolve("report.html"));
        r.summaries().stream().filter(s -> !s.ok())
                .forEach(s -> err.println("dlbugs: " + s.source() + " failed: " + s.failure()));
        err.flush();
    }
}
