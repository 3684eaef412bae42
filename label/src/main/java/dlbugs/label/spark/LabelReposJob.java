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
import java.util.function.Supplier;

/**
 * {@code label-repos} on Spark: one task per repository that has no complete output yet
 * ({@link RepoTask}), then the records of every repository of the list read back with Spark SQL
 * into the study's tables ({@link CrossRepoTables}), written as {@code report.md|html|json},
 * {@code summary.json} and the records as Parquet, partitioned by repository. A run that finds
 * every repository complete and the report made from them ({@link ReportInputs}) starts no Spark
 * and loads no model: it only writes {@code summary.json}.
 */
public final class LabelReposJob {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REPORTS = List.of("report.md", "report.html", "report.json");

    /**
     * What a run did.
     *
     * @param summaries   one per repository of the list, in its order
     * @param reportBuilt whether the report was written by this run (else the one there was current)
     */
    public record Result(List<RepoSummary> summaries, boolean reportBuilt) {

        public Result {
            summaries = List.copyOf(summaries);
        }

        /** @return the repositories of the list with this status */
        public long count(RepoSummary.Status status) {
            return summaries.stream().filter(s -> s.status() == status).count();
        }

        /** @return the records of every repository labelled now or before */
        public long records() {
            return summaries.stream().filter(RepoSummary::ok).mapToLong(RepoSummary::labelled).sum();
        }
    }

    private final Supplier<SparkSession> spark;
    private final JobSettings settings;
    private final Path studyWorkbooks;
    private final PrintWriter progress;

    /**
     * @param spark          the session (local[*] or a cluster's), asked for only when there is Spark work
     * @param settings       what every task is told
     * @param studyWorkbooks the study's {@code dataset.zip}, for its shares beside the new ones; the
     *                       report goes without them if it cannot be read
     * @param progress       where progress lines go
     */
    public LabelReposJob(Supplier<SparkSession> spark, JobSettings settings, Path studyWorkbooks, PrintWriter progress) {
        this.spark = spark;
        this.settings = settings;
        this.studyWorkbooks = studyWorkbooks;
        this.progress = progress;
    }

    public Result run(List<RepoSource> repos) throws Exception {
        Path out = Path.of(settings.out());
        RepoOutput output = new RepoOutput(out);
        Files.createDirectories(output.recordsRoot());
        output.clearStaging();
        Map<String, RepoSummary> byId = new LinkedHashMap<>();
        List<RepoSource> todo = new ArrayList<>();
        for (RepoSource r : repos) {
            Optional<RepoSummary> done = output.complete(r.id());
            done.ifPresentOrElse(s -> byId.put(r.id(), s.asComplete()), () -> todo.add(r));
        }
        progress.printf(Locale.ROOT, "label-repos: %d repositories, %d complete already, %d to label%n",
                repos.size(), repos.size() - todo.size(), todo.size());
        progress.flush();
        for (RepoSummary s : label(todo)) {
            byId.put(s.repo(), s);
        }
        List<RepoSummary> summaries = repos.stream().map(r -> byId.get(r.id())).toList();
        AtomicFile.writeString(out.resolve("summary.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summaries) + "\n");
        ReportInputs inputs = ReportInputs.of(summaries, Path.of(settings.bundle()), studyWorkbooks);
        if (todo.isEmpty() && isCurrent(out, inputs, summaries)) {
            return new Result(summaries, false);
        }
        List<Head> heads = heads();
        CrossRepoReport report = new CrossRepoReport(heads, summaries, tables(output, summaries, heads), study());
        AtomicFile.writeString(out.resolve("report.md"), report.markdown());
        AtomicFile.writeString(out.resolve("report.html"), report.html());
        AtomicFile.writeString(out.resolve("report.json"), report.json());
        inputs.write(out);
        return new Result(summaries, true);
    }

    /** @return whether the outputs under {@code out} were made from exactly these inputs and are all there */
    private static boolean isCurrent(Path out, ReportInputs inputs, List<RepoSummary> summaries) {
        boolean parquet = summaries.stream().noneMatch(s -> s.labelled() > 0)
                || Files.isDirectory(out.resolve("records.parquet"));
        return parquet && REPORTS.stream().allMatch(f -> Files.isRegularFile(out.resolve(f)))
                && ReportInputs.read(out).filter(inputs::equals).isPresent();
    }

    /** @return the bundle's heads; in local mode the tasks then share this load ({@link ExecutorModels}) */
    private List<Head> heads() throws Exception {
        return ExecutorModels.predictor(Path.of(settings.bundle())).info().heads();
    }

    private Optional<StudyShares> study() {
        try {
            return Optional.of(StudyShares.read(studyWorkbooks));
        } catch (Exception e) {
            progress.println("dlbugs: the study's workbooks are not at " + studyWorkbooks + " (" + e.getMessage()
                    + "); the report shows no 2019 shares");
            return Optional.empty();
        }
    }

    private List<RepoSummary> label(List<RepoSource> todo) throws Exception {
        if (todo.isEmpty()) {
            return List.of();
        }
        heads(); // a bundle that cannot be read fails the run here, not every task
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.get().sparkContext());
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

    private CrossRepoTables tables(RepoOutput output, List<RepoSummary> summaries, List<Head> heads) throws Exception {
        List<String> files = new ArrayList<>();
        for (RepoSummary s : summaries) {
            Path f = output.done(s.repo()).resolve(RepoOutput.RECORDS);
            if (s.ok() && Files.size(f) > 0) {
                files.add(f.toString());
            }
        }
        Path parquet = Path.of(settings.out()).resolve("records.parquet");
        if (files.isEmpty()) {
            RepoOutput.delete(parquet);
            return CrossRepoTables.empty();
        }
        Dataset<Row> records = spark.get().read().option("basePath", output.recordsRoot().toString())
                .json(files.toArray(String[]::new));
        records.write().mode(SaveMode.Overwrite).partitionBy("repo").parquet(parquet.toString());
        return CrossRepoTables.compute(spark.get(), records, heads.stream().map(Head::name).toList());
    }
}
