package dlbugs.label.spark;

import dlbugs.label.repo.CommitScanner;
import dlbugs.label.repo.FixPolicy;
import dlbugs.label.repo.RecordFormat;
import dlbugs.label.repo.RecordLog;
import dlbugs.label.repo.RepoLabeler;
import dlbugs.label.repo.RepoTally;
import dlbugs.label.repo.RevSelection;
import dlbugs.model.predict.Predictor;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.eclipse.jgit.api.Git;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One Spark task: one repository, labelled exactly as {@code label-repo --out} labels it (the
 * same scanner, policy, labeler and record log), into its own output directory. A repository that
 * cannot be cloned, opened or walked becomes a summary with the reason; it never fails the job.
 */
final class RepoTask implements Serializable {

    private final JobSettings settings;
    private final LongAccumulator commits;

    RepoTask(JobSettings settings, LongAccumulator commits) {
        this.settings = settings;
        this.commits = commits;
    }

    RepoSummary label(RepoSource source) throws Exception {
        long t0 = System.nanoTime();
        RepoOutput output = new RepoOutput(Path.of(settings.out()));
        TaskContext ctx = TaskContext.get();
        Path staging = output.staging(source.id(), ctx == null ? 0 : ctx.taskAttemptId());
        RepoSummary summary;
        try {
            summary = labelInto(source, staging, t0);
        } catch (Exception | LinkageError e) {
            RepoOutput.delete(staging.resolve(RepoOutput.RECORDS));
            summary = RepoSummary.failed(source, reason(e), seconds(t0));
        }
        RepoOutput.delete(staging.resolve("clone"));
        output.commit(staging, summary);
        return summary;
    }

    private RepoSummary labelInto(RepoSource source, Path staging, long t0) throws Exception {
        Path dir = source.isRemote() ? clone(source.source(), staging.resolve("clone")) : Path.of(source.source());
        CommitScanner.configureCaches();
        FixPolicy policy = new FixPolicy(Pattern.compile(settings.fixPattern()), settings.allCommits());
        RepoLabeler.Options options = new RepoLabeler.Options(new RevSelection(source.range(), null), policy, false,
                settings.threshold(), settings.batchSize());
        try (CommitScanner scanner = CommitScanner.open(dir)) {
            Predictor predictor = ExecutorModels.predictor(Path.of(settings.bundle()));
            RepoTally tally = new RepoTally(predictor.info().heads());
            try (RecordLog log = RecordLog.open(staging.resolve(RepoOutput.RECORDS), RecordFormat.JSONL,
                    predictor.info().heads().stream().map(h -> h.name()).toList(), false, r -> { })) {
                new RepoLabeler(predictor).run(scanner, options, log, tally, new CommitCounter(commits));
            }
            Map<String, Long> skipped = new TreeMap<>();
            tally.skipped().forEach((k, v) -> skipped.put(k.key(), v));
            return RepoSummary.labelled(source, tally.scannedCount(), tally.candidateCount(), tally.labelledCount(),
                    skipped, seconds(t0));
        }
    }

    private static Path clone(String url, Path into) throws Exception {
        Files.createDirectories(into);
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(into.toFile()).setBare(true).call()) {
            return into;
        }
    }

    /**
     * @return the reason a repository failed, in one line of words: the failure's message and, where
     * it adds something, its innermost cause's (never a class name)
     */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = words(e);
        String rootMsg = words(root);
        String why = msg.isEmpty() ? rootMsg : rootMsg.isEmpty() || msg.contains(rootMsg) ? msg : msg + "; " + rootMsg;
        return why.isEmpty() ? "unexpected failure (no details)" : why;
    }

    private static String words(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ").strip();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Adds each commit walked to the job's counter, for the driver's commits/s. */
    private static final class CommitCounter implements RepoLabeler.Listener {
        private final LongAccumulator commits;
        private long seen;

        CommitCounter(LongAccumulator commits) {
            this.commits = commits;
        }

        @Override
        public void start(long total) {
        }

        @Override
        public void walked(long walked, long records) {
            commits.add(walked - seen);
            seen = walked;
        }
    }
}
