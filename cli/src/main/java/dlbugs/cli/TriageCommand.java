package dlbugs.cli;

import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.Predictor;
import dlbugs.triage.GitHubApi;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.GitHubCorrections;
import dlbugs.model.api.RequestException;
import dlbugs.triage.GitHubException;
import dlbugs.triage.LabelDecision;
import dlbugs.triage.GitHubHttp;
import dlbugs.triage.GitHubToken;
import dlbugs.triage.IssueQuery;
import dlbugs.triage.LabelScheme;
import dlbugs.triage.PlanFormat;
import dlbugs.triage.RateLimitedException;
import dlbugs.triage.RepoName;
import dlbugs.triage.TriageJournal;
import dlbugs.triage.TriagePlan;
import dlbugs.triage.TriagePlanner;
import dlbugs.triage.TriageRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code dlbugs triage OWNER/REPO}: labels GitHub issues with the model's accepted answers. A dry
 * run (the default) prints the plan; {@code --apply} adds the labels (never removes or replaces
 * one, never touches a head a person labelled) and, with {@code --comment}, posts one comment
 * per issue. What was applied is kept in a journal, so a re-run repeats nothing.
 */
@Command(name = "triage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Label a GitHub repository's issues with the model's accepted answers (dry run unless --apply).",
                "The token is read from GITHUB_TOKEN (never a flag); a dry run of a public repository needs none."})
public class TriageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OWNER/REPO", description = "The repository.")
    String repo;

    @Option(names = "--issue", paramLabel = "N", description = "Only this issue (any state).")
    int issue;

    @Option(names = "--state", paramLabel = "open|closed|all", defaultValue = "open",
            description = "Which issues to read. Default: ${DEFAULT-VALUE}.")
    String state;

    @Option(names = "--since", paramLabel = "DATE", converter = LabelRepoCommand.SinceConverter.class,
            description = "Only issues updated since then (yyyy-mm-dd or an ISO date-time).")
    Instant since;

    @Option(names = "--apply", description = "Change GitHub: add the planned labels (and the comment with --comment).")
    boolean apply;

    @Option(names = "--comment", description = "Post one comment per labelled issue (top 3 per head, the model's version, "
            + "how to correct it); never a second one.")
    boolean comment;

    @Option(names = "--json", description = "Print the plan as JSON lines instead of a table.")
    boolean json;

    @Option(names = "--heads", paramLabel = "HEAD,...", split = ",",
            description = "Heads to label, in order. Default: bug_type_top, bug_type, root_cause, effect, stage.")
    List<String> heads = List.of();

    @Option(names = "--prefix", paramLabel = "HEAD=PREFIX", description = "A head's label prefix, e.g. effect='effect: '.")
    Map<String, String> prefixes = new LinkedHashMap<>();

    @Option(names = "--threshold", paramLabel = "HEAD=X", description = "A head's confidence threshold (default: the bundle's).")
    Map<String, Double> thresholds = new LinkedHashMap<>();

    @Option(names = "--triage-label", paramLabel = "NAME", defaultValue = LabelScheme.NEEDS_TRIAGE,
            description = "Label for an issue on which no head cleared its threshold. Default: ${DEFAULT-VALUE}.")
    String triageLabel;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "What was applied, for re-runs. Default: .dlbugs/triage-OWNER-REPO.json.")
    Path journalFile;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "${env:GITHUB_API_URL:-https://api.github.com}",
            description = "GitHub's REST API (GitHub Enterprise: https://HOST/api/v3). Default: $GITHUB_API_URL, else ${DEFAULT-VALUE}.")
    URI apiUrl;

    @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "900",
            description = "Most seconds to spend waiting out rate limits before stopping. Default: ${DEFAULT-VALUE}.")
    long maxWait;

    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "${env:DLBUGS_BUNDLE:-models/dlbugs-default.bundle}",
            description = "Model bundle (default: $DLBUGS_BUNDLE, else models/dlbugs-default.bundle).")
    Path bundle;

    @Mixin
    CorrectionsOptions corrections;

    @Option(names = {"--token", "--github-token"}, hidden = true, paramLabel = "TOKEN")
    String tokenFlag;

    @Spec
    CommandSpec spec;

    private final UnaryOperator<String> env;
    private final GitHubHttp.Sleeper sleeper;

    public TriageCommand() {
        this(System::getenv, d -> Thread.sleep(d.toMillis()));
    }

    /** @param sleeper how waits (rate limits, retries) pass: a test's returns at once */
    TriageCommand(UnaryOperator<String> env, GitHubHttp.Sleeper sleeper) {
        this.env = env;
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() throws Exception {
        Settings s = settings();
        Predictor predictor = BundlePredictor.load(bundle);
        GitHubHttp http = new GitHubHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build(), apiUrl,
                s.token(), new GitHubHttp.Limits(Duration.ofSeconds(maxWait), 3, Duration.ofSeconds(1)), sleeper,
                Clock.systemUTC());
        GitHubApi api = new GitHubApi(http, s.repo());
        TriageJournal journal = TriageJournal.open(s.journal(), s.repo());
        TriagePlanner planner = new TriagePlanner(s.scheme(), predictor.info(), comment);
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        boolean[] table = {false};
        TriageRun.Result r = new TriageRun(api, predictor, planner, journal, apply).run(s.query(), p -> {
            if (json) {
                out.println(PlanFormat.json(p, apply && p.changesSomething()));
            } else {
                // The header comes with the first row, so a run GitHub refuses at once prints only why.
                if (!table[0]) {
                    out.println(PlanFormat.header());
                    table[0] = true;
                }
                PlanFormat.rows(p).forEach(out::println);
            }
            out.flush();
        });
        if (r.stop() != null && r.plans().isEmpty()) {
            throw r.stop() instanceof RateLimitedException
                    ? new RateLimitedException("stopped: " + r.stopReason() + "; nothing was done yet, re-run to carry on", r.stop().status())
                    : r.stop();
        }
        spec.commandLine().getErr().println("dlbugs: " + summary(r, (System.nanoTime() - t0) / 1e9));
        if (!r.decisions().isEmpty()) {
            spec.commandLine().getErr().println("dlbugs: " + learn(r.decisions(), predictor.info().version()));
        }
        if (r.stop() != null) {
            throw stopped(r);
        }
        return 0;
    }

    /** The options, checked: bad ones are usage errors, before the model is loaded. */
    private record Settings(RepoName repo, IssueQuery query, LabelScheme scheme, Optional<GitHubToken> token, Path journal) {
    }

    private Settings settings() {
        if (tokenFlag != null) {
            throw usage("the token is never a flag (ps would show it); set " + GitHubToken.ENV + " instead");
        }
        try {
            RepoName name = RepoName.parse(repo);
            IssueQuery query = issue > 0 ? IssueQuery.one(issue) : new IssueQuery(state, since, 0);
            LabelScheme scheme = LabelScheme.of(heads, prefixes, thresholds, triageLabel);
            Optional<GitHubToken> token = GitHubToken.fromEnvironment(env);
            if (apply && token.isEmpty()) {
                throw usage("--apply changes GitHub and needs a token: set " + GitHubToken.ENV);
            }
            if (maxWait < 0) {
                throw usage("--max-wait must not be negative");
            }
            Path journal = journalFile != null ? journalFile
                    : Path.of(".dlbugs", "triage-" + name.owner() + "-" + name.name() + ".json");
            return new Settings(name, query, scheme, token, journal);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String summary(TriageRun.Result r, double seconds) {
        Map<TriagePlan.Outcome, Long> by = r.plans().stream()
                .collect(Collectors.groupingBy(TriagePlan::outcome, LinkedHashMap::new, Collectors.counting()));
        long labels = r.plans().stream().mapToLong(p -> p.add().size()).sum();
        String counts = by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        return String.format(java.util.Locale.ROOT, "%s %s in %.1f s (%s); %s %s", apply ? "applied:" : "dry run:",
                count(r.plans().size(), "issue"), seconds, counts.isEmpty() ? "none" : counts, count(labels, "label"),
                apply ? "added on " + count(r.applied(), "issue") : "planned, nothing changed (add --apply)");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Records people's label decisions as accepted corrections (with --apply; a dry run only counts them). */
    private String learn(List<LabelDecision> decisions, String version) {
        if (!apply) {
            return decisions.size() + " label" + (decisions.size() == 1 ? "" : "s") + " set by people on issues dlbugs "
                    + "labelled would be recorded as corrections (add --apply)";
        }
        int created = 0;
        int refused = 0;
        try (CorrectionStore store = corrections.open()) {
            GitHubCorrections github = new GitHubCorrections(store, () -> version, (o, h) -> { });
            for (LabelDecision d : decisions) {
                try {
                    created += github.record(TriageRun.report(d.issue()), d.head(), d.label(), d.replaced(), d.login()) ? 1 : 0;
                } catch (RequestException e) {
                    refused++;
                }
            }
        }
        return created + " correction" + (created == 1 ? "" : "s") + " recorded from labels people set ("
                + (decisions.size() - created - refused) + " recorded before" + (refused == 0 ? ""
                : ", " + refused + " outside the taxonomy") + ")";
    }

    private GitHubException stopped(TriageRun.Result r) {
        List<String> left = new java.util.ArrayList<>(r.left().stream().map(n -> "#" + n).toList());
        if (r.morePages()) {
            left.add("the issues on later pages");
        }
        String message = "stopped: " + r.stopReason() + (left.isEmpty() ? "" : "; not done: " + String.join(", ", left))
                + (apply ? "; what was done is in the journal, re-run to carry on" : "; re-run to see the rest");
        return r.stop() instanceof RateLimitedException ? new RateLimitedException(message, r.stop().status())
                : new GitHubException(message, r.stop().status());
    }
}
