package dlbugs.label.cli;

import dlbugs.label.repo.FixPolicy;
import dlbugs.label.spark.JobSettings;
import dlbugs.label.spark.LabelReposJob;
import dlbugs.label.spark.RepoList;
import dlbugs.label.spark.RepoSource;
import dlbugs.label.spark.SparkSettings;
import dlbugs.label.study.StudyShares;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.taxonomy.Head;
import org.apache.spark.sql.SparkSession;
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
import java.util.Map;
import java.util.Optional;
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
        PrintWriter err = spec.commandLine().getErr();
        List<Head> heads = BundlePredictor.load(bundle).info().heads();
        JobSettings settings = new JobSettings(out.toAbsolutePath().toString(), bundle.toAbsolutePath().toString(),
                fixPattern != null ? fixPattern : FixPolicy.DEFAULT_PATTERN, allCommits, threshold, batchSize);
        try (SparkSession spark = SparkSettings.session(master, conf)) {
            LabelReposJob.Result r = new LabelReposJob(spark, settings, heads, study(err), err).run(repos);
            long failed = r.summaries().stream().filter(s -> !s.ok()).count();
            err.printf("dlbugs: %d repositories (%d labelled now, %d failed); report written to %s%n",
                    r.summaries().size(), r.ran().size(), failed, out.resolve("report.html"));
            r.summaries().stream().filter(s -> !s.ok())
                    .forEach(s -> err.println("dlbugs: " + s.source() + " failed: " + s.failure()));
            err.flush();
        }
        return 0;
    }

    private Optional<StudyShares> study(PrintWriter err) {
        try {
            return Optional.of(StudyShares.read(CorpusLayout.at(corpus).datasetZip()));
        } catch (Exception e) {
            err.println("dlbugs: the study's workbooks are not at " + corpus + " (" + e.getMessage()
                    + "); the report shows no 2019 shares");
            return Optional.empty();
        }
    }
}
