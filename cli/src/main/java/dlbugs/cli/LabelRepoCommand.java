package dlbugs.cli;

import dlbugs.label.study.StudyShares;
import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.io.AtomicFile;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.Predictor;
import dlbugs.label.repo.CommitScanner;
import dlbugs.label.repo.FixPolicy;
import dlbugs.label.repo.GithubRemote;
import dlbugs.label.repo.LabelRecord;
import dlbugs.label.repo.RecordFormat;
import dlbugs.label.repo.RecordLog;
import dlbugs.label.repo.RecordSink;
import dlbugs.label.repo.RepoLabeler;
import dlbugs.label.repo.RepoReport;
import dlbugs.label.repo.RepoTally;
import dlbugs.label.repo.RevSelection;
import dlbugs.label.repo.ScanOutcome;
import dlbugs.label.repo.SkipReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code dlbugs label-repo}: labels every bug-fix commit of a git repository that touches DL
 * code, writes one record per commit (or hunk), and reports the distribution like the study's
 * tables. With {@code --out}, a re-run appends only what is missing.
 */
@Command(name = "label-repo", mixinStandardHelpOptions = true,
        description = {"Label the bug-fix commits of a git repository that touch DL code (Python importing "
                + "tensorflow/keras/torch/theano/caffe, Caffe prototxt files, Lua Torch).",
                "With --out the file is appended to as it goes, and a re-run skips what it already holds."})
public class LabelRepoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "The repository: a work tree or a bare repository.")
    Path repository;

    @Option(names = "--rev", paramLabel = "RANGE", defaultValue = "HEAD",
            description = "REV (it and its ancestors) or A..B (ancestors of B not of A). Default: ${DEFAULT-VALUE}.")
    String range;

    @Option(names = "--since", paramLabel = "DATE", converter = SinceConverter.class,
            description = "Only commits committed on or after DATE (yyyy-mm-dd, UTC, or an ISO date-time with offset).")
    Instant since;

    @Option(names = "--all-commits", description = "Consider every commit, not only those whose message says they fix something.")
    boolean allCommits;

    @Option(names = "--fix-pattern", paramLabel = "REGEX", converter = PatternConverter.class,
            description = "What a fix's message contains (Java regex, searched). Default: " + FixPolicy.DEFAULT_PATTERN)
    Pattern fixPattern;

    @Option(names = "--out", paramLabel = "FILE", description = "Append records here (resumable); default: standard output.")
    Path out;

    @Option(names = "--format", paramLabel = "jsonl|csv", converter = FormatConverter.class,
            description = "Record format. Default: csv if --out ends in .csv, else jsonl.")
    RecordFormat format;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.md, report.html and report.json here.")
    Path report;

    @Option(names = "--skip-non-bugs", description = "Leave the commits the model judges not a DL bug out of the report's "
            + "tables (they are still written and counted apart).")
    boolean skipNonBugs;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Confidence a head needs to be 'accepted' (0..1). Default: each head's threshold from the bundle.")
    Double threshold;

    @Option(names = "--per-hunk", description = "One record per DL-relevant hunk instead of one per commit.")
    boolean perHunk;

    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "${env:DLBUGS_BUNDLE:-models/dlbugs-default.bundle}",
            description = "Model bundle (default: $DLBUGS_BUNDLE, else models/dlbugs-default.bundle).")
    Path bundle;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:DLBUGS_CORPUS:-../shared/datasets}",
            description = "Where the study's workbooks are (islam2019/dataset.zip): the report sets its shares beside the new ones.")
    Path corpus;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Units per model call. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--dry-run", description = "Walk and select only: list the candidates on standard output (sha, date, "
            + "library, subject; tab-separated) and count commits and skips; load no model, write no records.")
    boolean dryRun;

    @Mixin
    ProgressOptions progressOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepoLabeler.Options options;
        try {
            options = new RepoLabeler.Options(new RevSelection(range, since),
                    new FixPolicy(fixPattern != null ? fixPattern : FixPolicy.standard().pattern(), allCommits),
                    perHunk, threshold, batchSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        CommitScanner.configureCaches();
        try (CommitScanner scanner = CommitScanner.open(repository)) {
            if (dryRun) {
                RepoTally tally = new RepoTally(List.of());
                PrintWriter listing = spec.commandLine().getOut();
                RepoLabeler.Timing timing;
                try (Progress progress = new Progress(progressOptions)) {
                    timing = RepoLabeler.survey(scanner, options, tally, progress, c -> {
                        listing.println(candidateLine(c));
                        listing.flush();
                    });
                }
                summary(err, tally, timing);
                return 0;
            }
            Predictor predictor = BundlePredictor.load(bundle);
            RepoTally tally = new RepoTally(predictor.info().heads(), skipNonBugs);
            RecordFormat fmt = format != null ? format : out != null ? RecordFormat.forFile(out.toString()) : RecordFormat.JSONL;
            List<String> heads = predictor.info().heads().stream().map(h -> h.name()).toList();
            if (scanner.isEmpty()) {
                err.println("dlbugs: " + repository + " has no commits; nothing to label");
            }
            RepoLabeler.Timing timing;
            if (out != null) {
                try (RecordLog log = RecordLog.open(out, fmt, heads, perHunk, r -> tally.record(r, true))) {
                    if (log.repairedBytes() > 0) {
                        err.println("dlbugs: cut a partial last line (" + log.repairedBytes() + " bytes) left in " + out
                                + " by an interrupted run; that commit is labelled again");
                    }
                    timing = label(predictor, scanner, options, log, tally);
                }
            } else {
                timing = label(predictor, scanner, options, stdout(fmt, heads), tally);
            }
            summary(err, tally, timing);
            if (report != null) {
                RepoReport r = new RepoReport(new RepoReport.Run(repository.toString(), range,
                        since == null ? "" : since.toString(), predictor.info().name(), predictor.info().version(), perHunk,
                        threshold != null ? String.valueOf(threshold) : "each head's threshold from the bundle", timing,
                        scanner.remoteUrl().flatMap(GithubRemote::parse)), tally, study(err));
                AtomicFile.writeString(report.resolve("report.md"), r.markdown());
                AtomicFile.writeString(report.resolve("report.html"), r.html());
                AtomicFile.writeString(report.resolve("report.json"), r.json());
                err.println("dlbugs: report written to " + report.resolve("report.html"));
            }
        }
        return 0;
    }

    private Optional<StudyShares> study(PrintWriter err) {
        try {
            return Optional.of(StudyShares.read(CorpusLayout.at(corpus).datasetZip()));
        } catch (CorpusFormatException e) {
            err.println("dlbugs: no study workbooks at " + corpus + " (" + e.getMessage() + "); the report shows no 2019 shares");
            return Optional.empty();
        }
    }

    private RepoLabeler.Timing label(Predictor predictor, CommitScanner scanner, RepoLabeler.Options options,
                                     RecordSink sink, RepoTally tally) throws Exception {
        try (Progress progress = new Progress(progressOptions)) {
            return new RepoLabeler(predictor).run(scanner, options, sink, tally, progress);
        }
    }

    private RecordSink stdout(RecordFormat fmt, List<String> heads) {
        PrintWriter w = spec.commandLine().getOut();
        fmt.header(heads).ifPresent(w::println);
        return new RecordSink() {
            @Override
            public boolean contains(String key) {
                return false;
            }

            @Override
            public void append(List<LabelRecord> records) {
                records.forEach(r -> w.println(fmt.line(r)));
                w.flush();
            }
        };
    }

    /** @return a candidate as {@code --dry-run} lists it: sha, date, library and subject, tab-separated */
    static String candidateLine(ScanOutcome.Candidate c) {
        return String.join("\t", c.commit().sha(), c.commit().date().toString(), c.library(),
                c.commit().subject().replace('\t', ' '));
    }

    private void summary(PrintWriter err, RepoTally t, RepoLabeler.Timing timing) {
        double scanS = timing.scanNanos() / 1e9;
        double classifyS = timing.classifyNanos() / 1e9;
        // A dry run loads no model: it has no classification to time.
        String classified = dryRun ? "" : String.format(Locale.ROOT, "; classified %,d in %.1f s (%.1f/s)",
                timing.classified(), classifyS, timing.classified() / Math.max(classifyS, 1e-9));
        err.printf(Locale.ROOT, "dlbugs: scanned %,d commits in %.1f s (%,.0f commits/s)%s%n",
                t.scannedCount(), scanS, t.scannedCount() / Math.max(scanS, 1e-9), classified);
        long already = t.skipped().getOrDefault(SkipReason.ALREADY_LABELLED, 0L);
        StringBuilder skipped = new StringBuilder();
        for (SkipReason r : SkipReason.values()) {
            long n = t.skipped().getOrDefault(r, 0L);
            if (n > 0 && r != SkipReason.ALREADY_LABELLED) {
                skipped.append(skipped.isEmpty() ? "" : ", ").append(n).append(' ').append(r.description());
            }
        }
        // A resumed run finds no candidates among what is done; saying only "0 candidates" reads as "found nothing".
        String resumed = already == 0 ? "" : already + (already == 1 ? " commit was" : " commits were")
                + " already labelled in " + out + "; ";
        err.printf(Locale.ROOT, "dlbugs: %s%d %scandidates, %d records written; skipped: %s%n", resumed,
                t.candidateCount(), already == 0 ? "" : "new ", t.labelledCount(), skipped.isEmpty() ? "none" : skipped);
        err.flush();
    }

    /**
     * Progress of the walk: commits walked of the total, with rate and ETA; records written as a
     * note. Timed from its creation, just before the run, as the summary is: the total is known only
     * once the history has been counted, which on a large repository takes a while.
     */
    private static final class Progress implements RepoLabeler.Listener, AutoCloseable {
        private final ProgressOptions options;
        private final long start = System.nanoTime();
        private ProgressMeter meter = ProgressMeter.NONE;

        Progress(ProgressOptions options) {
            this.options = options;
        }

        @Override
        public void start(long commits) {
            meter = options.open("label-repo", commits, "commits", start);
        }

        @Override
        public void walked(long commits, long records) {
            if (records > 0) {
                meter.detail(records + " labelled");
            }
            meter.stepTo(commits);
        }

        @Override
        public void close() {
            meter.close();
        }
    }

    /** Parses {@code --since}: a date (midnight UTC) or a date-time with offset. */
    static final class SinceConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date (yyyy-mm-dd or yyyy-mm-ddThh:mm:ss+hh:mm)");
            }
        }
    }

    /** Compiles {@code --fix-pattern}, with a one-line message for a bad expression. */
    static final class PatternConverter implements ITypeConverter<Pattern> {
        @Override
        public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a regular expression: " + e.getDescription()
                        + " at index " + e.getIndex());
            }
        }
    }

    /** Parses {@code --format}, case-insensitively. */
    static final class FormatConverter implements ITypeConverter<RecordFormat> {
        @Override
        public RecordFormat convert(String value) {
            try {
                return RecordFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a format: use jsonl or csv");
            }
        }
    }
}
