package dlbugs.label.repo;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Labels a repository: the scanner's candidates are classified in batches, each batch written
 * to the sink before the next is read, and everything is counted in a {@link RepoTally}.
 */
public final class RepoLabeler {

    /**
     * @param selection which commits to walk
     * @param policy    which of them are fixes
     * @param perHunk   one record per hunk instead of per commit
     * @param threshold confidence a head must reach to count as accepted; null for the model's own
     * @param batchSize units classified per call of the model
     */
    public record Options(RevSelection selection, FixPolicy policy, boolean perHunk, Double threshold, int batchSize) {
        public Options {
            if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
            }
        }
    }

    /** Follows a run: the total to walk, then each commit walked. */
    public interface Listener {
        void start(long commits);

        void walked(long commits, long records);
    }

    /**
     * Where the time went.
     *
     * @param scanNanos     walking, diffing and selecting (everything but the model)
     * @param classifyNanos inside the model
     * @param classified    units the model labelled
     */
    public record Timing(long scanNanos, long classifyNanos, long classified) {
    }

    private final Predictor predictor;

    public RepoLabeler(Predictor predictor) {
        this.predictor = predictor;
    }

    /** Walks, classifies and writes; {@code tally} should already hold the sink's earlier records. */
    public Timing run(CommitScanner scanner, Options options, RecordSink sink, RepoTally tally, Listener listener)
            throws IOException {
        long t0 = System.nanoTime();
        listener.start(scanner.count(options.selection()));
        Batch batch = new Batch(options, sink, tally);
        scanner.scan(options.selection(), options.policy(), options.perHunk() ? sha -> false : sink::contains, o -> {
            tally.scanned();
            if (o instanceof ScanOutcome.Skipped s) {
                tally.skipped(s.reason());
            } else if (o instanceof ScanOutcome.Candidate c) {
                batch.add(c);
            }
            listener.walked(tally.scannedCount(), tally.labelledCount());
        });
        batch.flush();
        listener.walked(tally.scannedCount(), tally.labelledCount());
        return new Timing(System.nanoTime() - t0 - batch.classifyNanos, batch.classifyNanos, batch.classified);
    }

    /**
     * Walks and selects without classifying: counts commits, candidates and skips, and hands each
     * candidate to {@code candidates}, so a user can see and size a long run (and the benchmark can
     * time the walk alone).
     */
    public static Timing survey(CommitScanner scanner, Options options, RepoTally tally, Listener listener,
                                Consumer<ScanOutcome.Candidate> candidates) throws IOException {
        long t0 = System.nanoTime();
        listener.start(scanner.count(options.selection()));
        scanner.scan(options.selection(), options.policy(), sha -> false, o -> {
            tally.scanned();
            if (o instanceof ScanOutcome.Skipped s) {
                tally.skipped(s.reason());
            } else if (o instanceof ScanOutcome.Candidate c) {
                tally.candidate();
                candidates.accept(c);
            }
            listener.walked(tally.scannedCount(), 0);
        });
        return new Timing(System.nanoTime() - t0, 0, 0);
    }

    /** A unit to classify: one commit, or one hunk of it. */
    private record Unit(ScanOutcome.Candidate candidate, LabelRecord.Hunk hunk, String diff) {
        BugReport report() {
            CommitInfo c = candidate.commit();
            return new BugReport(c.subject(), c.body(), diff, candidate.library());
        }
    }

    private final class Batch {
        private final Options options;
        private final RecordSink sink;
        private final RepoTally tally;
        private final List<Unit> units = new ArrayList<>();
        private long classifyNanos;
        private long classified;

        Batch(Options options, RecordSink sink, RepoTally tally) {
            this.options = options;
            this.sink = sink;
            this.tally = tally;
        }

        void add(ScanOutcome.Candidate c) throws IOException {
            List<Unit> mine = options.perHunk() ? hunks(c)
                    : List.of(new Unit(c, null, c.changes().stream().map(FileChange::text).collect(Collectors.joining())));
            if (mine.isEmpty()) {
                tally.skipped(SkipReason.ALREADY_LABELLED);
                return;
            }
            tally.candidate();
            units.addAll(mine);
            if (units.size() >= options.batchSize()) {
                flush();
            }
        }

        private List<Unit> hunks(ScanOutcome.Candidate c) {
            List<Unit> out = new ArrayList<>();
            for (FileChange f : c.changes()) {
                List<String> hunks = f.hunks();
                for (int i = 0; i < hunks.size(); i++) {
                    LabelRecord.Hunk h = new LabelRecord.Hunk(f.path(), i);
                    if (!sink.contains(LabelRecord.key(c.commit().sha(), h))) {
                        out.add(new Unit(c, h, hunks.get(i)));
                    }
                }
            }
            return out;
        }

        void flush() throws IOException {
            if (units.isEmpty()) {
                return;
            }
            List<LabelRecord> records = new ArrayList<>();
            List<Prediction> predictions = classify(units.stream().map(Unit::report).toList());
            for (int i = 0; i < units.size(); i++) {
                if (predictions.get(i) == null) {
                    tally.skipped(SkipReason.NO_USABLE_CONTENT);
                } else {
                    records.add(record(units.get(i), predictions.get(i)));
                }
            }
            sink.append(records);
            records.forEach(r -> tally.record(r, false));
            units.clear();
        }

        /** @return one prediction per report, null where the report has nothing the model knows */
        private List<Prediction> classify(List<BugReport> reports) {
            long t = System.nanoTime();
            try {
                return predictor.predictAll(reports);
            } catch (NoUsableContentException e) {
                List<Prediction> out = new ArrayList<>();
                for (BugReport r : reports) {
                    try {
                        out.add(predictor.predict(r));
                    } catch (NoUsableContentException none) {
                        out.add(null);
                    }
                }
                return out;
            } finally {
                classifyNanos += System.nanoTime() - t;
                classified += reports.size();
            }
        }

        private LabelRecord record(Unit u, Prediction p) {
            CommitInfo c = u.candidate().commit();
            List<LabelRecord.HeadLabel> heads = p.heads().stream().map(this::label).toList();
            return new LabelRecord(c.sha(), c.date().toString(), c.author(), c.subject(), u.candidate().library(),
                    u.candidate().files(), u.candidate().changes().stream().map(FileChange::path).toList(),
                    u.candidate().truncated(), u.hunk(), predictor.info().version(), heads);
        }

        private LabelRecord.HeadLabel label(HeadPrediction h) {
            double threshold = options.threshold() != null ? options.threshold() : h.threshold();
            return new LabelRecord.HeadLabel(h.head(), h.label(), h.confidence(), h.confidence() >= threshold);
        }
    }
}
