package dlbugs.label.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.label.study.StudyShares;
import dlbugs.model.io.AtomicFile;
import dlbugs.model.taxonomy.Head;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code label-repos} on Spark: one task per repository that has no complete output yet
 * ({@link RepoTask}), then the records of every repository of the list read back with Spark SQL
 * into the study's tables ({@link CrossRepoTables}), written as {@code report.md|html|json},
 * {@code summary.json} and the records as Parquet, partitioned by repository.
 */
public final class LabelReposJob {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a run did.
     *
     * @param summaries one per repository of the list, in its order
     * @param ran       repositories labelled (or failed) by this run; the rest were complete already
     * @param tables    the cross-repository counts
     */
    public record Result(List<RepoSummary> summaries, List<String> ran, CrossRepoTables tables) {
    }

    private final SparkSession spark;
    private final JobSettings settings;
    private final List<Head> heads;
    private final Optional<StudyShares> study;
    private final PrintWriter progress;

    /**
     * @param spark    the session (local[*] or a cluster's)
     * @param settings what every task is told
     * @param heads    the bundle's heads, in order (read once on the driver)
     * @param study    the study's shares to compare with, if its workbooks are at hand
     * @param progress where progress lines go
     */
    public LabelReposJob(SparkSession spark, JobSettings settings, List<Head> heads, Optional<StudyShares> study,
                         PrintWriter progress) {
        this.spark = spark;
        this.settings = settings;
        this.heads = List.copyOf(heads);
        this.study = study;
        this.progress = progress;
    }

    public Result run(List<RepoSource> repos) throws Exception {
        RepoOutput output = new RepoOutput(Path.of(settings.out()));
        Files.createDirectories(output.recordsRoot());
        output.clearStaging();
        Map<String, RepoSummary> byId = new LinkedHashMap<>();
        List<RepoSource> todo = new ArrayList<>();
        for (RepoSource r : repos) {
            Optional<RepoSummary> done = output.complete(r.id());
            done.ifPresentOrElse(s -> byId.put(r.id(), s), () -> todo.add(r));
        }
        progress.printf(Locale.ROOT, "label-repos: %d repositories, %d complete already, %d to label%n",
                repos.size(), repos.size() - todo.size(), todo.size());
        progress.flush();
        List<String> ran = new ArrayList<>();
        for (RepoSummary s : label(todo)) {
            ran.add(s.repo());
            byId.put(s.repo(), s);
        }
        List<RepoSummary> summaries = repos.stream().map(r -> byId.get(r.id())).toList();
        CrossRepoTables tables = tables(output, summaries);
        write(summaries, tables);
        return new Result(summaries, ran, tables);
    }

    private List<RepoSummary> label(List<RepoSource> todo) throws Exception {
        if (todo.isEmpty()) {
            return List.of();
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator commits = sc.sc().longAccumulator("commits scanned");
        LongAccumulator done = sc.sc().longAccumulator("repositories done");
        RepoTask task = new RepoTask(settings, commits);
        // One partition per repository: each is one task, so a slow repository holds one core only.
        JavaFutureAction<List<RepoSummary>> job = sc.parallelize(todo, todo.size())
                .map(r -> {
                    RepoSummary s = task.label(r);
                    done.add(1);
                    return s;
                }).collectAsync();
        long t0 = System.nanoTime();
        while (true) {
            try {
                List<RepoSummary> out = job.get(2, TimeUnit.SECONDS);
                report(done.value(), todo.size(), commits.value(), t0);
                return out;
            } catch (TimeoutException e) {
                report(done.value(), todo.size(), commits.value(), t0);
            }
        }
    }

    private void report(long done, int total, long commits, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        // Accumulators reach the driver as tasks finish, so the rate is over finished repositories.
        progress.printf(Locale.ROOT, "label-repos: %d/%d repositories done, %d commits scanned, %.0f commits/s, %.0f s%n",
                done, total, commits, commits / Math.max(s, 1e-9), s);
        progress.flush();
    }

    private CrossRepoTables tables(RepoOutput output, List<RepoSummary> summaries) throws Exception {
        List<String> files = new ArrayList<>();
        for (RepoSummary s : summaries) {
            Path f = output.done(s.repo()).resolve(RepoOutput.RECORDS);
            if (s.ok() && Files.size(f) > 0) {
                files.add(f.toString());
            }
        }
        if (files.isEmpty()) {
            return CrossRepoTables.empty();
        }
        Dataset<Row> records = spark.read().option("basePath", output.recordsRoot().toString())
                .json(files.toArray(String[]::new));
        records.write().mode(SaveMode.Overwrite).partitionBy("repo")
                .parquet(Path.of(settings.out()).resolve("records.parquet").toString());
        return CrossRepoTables.compute(spark, records, heads.stream().map(Head::name).toList());
    }

    private void write(List<RepoSummary> summaries, CrossRepoTables tables) throws Exception {
        Path out = Path.of(settings.out());
        AtomicFile.writeString(out.resolve("summary.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summaries) + "\n");
        CrossRepoReport report = new CrossRepoReport(heads, summaries, tables, study);
        AtomicFile.writeString(out.resolve("report.md"), report.markdown());
        AtomicFile.writeString(out.resolve("report.html"), report.html());
        AtomicFile.writeString(out.resolve("report.json"), report.json());
    }
}
