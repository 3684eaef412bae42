package dlbugs.label.repo;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
     * @param scanNanos     walking, diffing and selecting while the model held no batch
     * @param classifyNanos while the model held a batch (the walk goes on meanwhile)
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
        ExecutorService model = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "dlbugs-label-model");
            t.setDaemon(true);
            return t;
        });
        Batch batch = new Batch(options, sink, tally, model);
        try {
            scanner.scan(options.selection(), options.policy(), options.perHunk() ? sha -> false : sink::contains, o -> {
                tally.scanned();
                if (o instanceof ScanOutcome.Skipped s) {
                    tally.skipped(s.reason());
                } else if (o instanceof ScanOutcome.Candidate c) {
                    batch.add(c);
                }
                listener.walked(tally.scannedCount(), tally.labelledCount());
            });
            batch.finish();
        } finally {
            model.shutdown();
        }
        listener.walked(tally.scannedCount(), tally.labelledCount());
        return new Timing(System.nanoTime() - t0 - batch.busyNanos, batch.busyNanos, batch.classified);
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

    /** A batch sent to the model: its units and their pending predictions. */
    private record Pending(List<Unit> units, CompletableFuture<List<Prediction>> predictions) {
    }

    /**
     * Gathers candidates into batches and keeps up to three in the model at once while the walk
     * goes on: the encoder's threads then always have texts, while one batch's features, network
     * call and records are done beside them. Records are written batch by batch, in order.
     */
    private final class Batch {
        private final Options options;
        private final RecordSink sink;
        private final RepoTally tally;
        private final List<Unit> units = new ArrayList<>();
        private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
        private long busySince;
        private long busyNanos;
        private long classified;

        private final ExecutorService model;

        Batch(Options options, RecordSink sink, RepoTally tally, ExecutorService model) {
            this.options = options;
            this.sink = sink;
            this.tally = tally;
            this.model = model;
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

        /** Sends the units gathered to the model and writes the oldest batch in flight once more than two are. */
        void flush() throws IOException {
            if (!units.isEmpty()) {
                List<Unit> mine = List.copyOf(units);
                units.clear();
                List<BugReport> reports = mine.stream().map(Unit::report).toList();
                if (inFlight.isEmpty()) {
                    busySince = System.nanoTime();
                }
                inFlight.add(new Pending(mine, CompletableFuture.supplyAsync(() -> classify(reports), model)));
                classified += mine.size();
            }
            while (inFlight.size() > 2) {
                write(inFlight.removeFirst());
            }
        }

        /** Waits for every batch in flight and writes them, in order. */
        void finish() throws IOException {
            flush();
            while (!inFlight.isEmpty()) {
                write(inFlight.removeFirst());
            }
        }

        private void write(Pending batch) throws IOException {
            List<Prediction> predictions;
            try {
                predictions = batch.predictions().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            } finally {
                if (inFlight.isEmpty()) {
                    busyNanos += System.nanoTime() - busySince;
                }
            }
            List<LabelRecord> records = new ArrayList<>();
            for (int i = 0; i < batch.units().size(); i++) {
                if (predictions.get(i) == null) {
                    tally.skipped(SkipReason.NO_USABLE_CONTENT);
                } else {
                    records.add(record(batch.units().get(i), predictions.get(i)));
                }
            }
            sink.append(records);
            records.forEach(r -> tally.record(r, false));
        }

        /** @return one prediction per report, null where the report has nothing the model knows */
        private List<Prediction> classify(List<BugReport> reports) {
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
