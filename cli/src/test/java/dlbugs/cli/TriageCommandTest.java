package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.triage.fake.FakeGitHub;
import dlbugs.triage.fake.SampleIssues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.Origin;
import dlbugs.corrections.Status;
import dlbugs.corrections.StoreLocation;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dlbugs triage} against a fake GitHub on loopback, with the shipped model. */
class TriageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/dlproject";
    private FakeGitHub fake;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    @TempDir
    Path dir;

    @BeforeEach
    void serve() throws Exception {
        fake = SampleIssues.fill(new FakeGitHub("", REPO), 12);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private int run(Map<String, String> env, String... args) {
        return runOn(REPO, fake.url().toString(), env, args);
    }

    private int runOn(String repo, String apiUrl, Map<String, String> env, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == TriageCommand.class ? cls.cast(new TriageCommand(env::get, d -> { })) : CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = DlbugsCommand.commandLine(factory);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 7];
        all[0] = "triage";
        all[1] = repo;
        all[2] = "--api-url=" + apiUrl;
        all[3] = "--bundle";
        all[4] = System.getProperty("dlbugs.shippedBundle");
        all[5] = "--journal";
        all[6] = dir.resolve("journal.json").toString();
        System.arraycopy(args, 0, all, 7, args.length);
        return cl.execute(all);
    }

    @Test
    void the_next_pass_records_a_persons_replacement_of_a_dlbugs_label_as_their_accepted_correction() throws Exception {
        String db = dir.resolve("corrections.db").toString();
        assertThat(run(Map.of("GITHUB_TOKEN", "t0k3n"), "--apply", "--issue", "1", "--corrections", db)).as(err.toString())
                .isZero();
        String ours = fake.labelsOf(1).stream().filter(l -> l.startsWith("dl-effect: ")).findFirst().orElseThrow();
        String theirs = ours.equals("dl-effect: Hang") ? "dl-effect: Crash" : "dl-effect: Hang";
        fake.removeLabel(1, ours, "ada");
        fake.addLabel(1, theirs, "ada");

        assertThat(run(Map.of(), "--issue", "1", "--corrections", db)).isZero();
        assertThat(err.toString()).contains("1 label set by people on issues dlbugs labelled would be recorded as "
                + "corrections (add --apply)");
        assertThat(dir.resolve("corrections.db")).doesNotExist();
        assertThat(run(Map.of("GITHUB_TOKEN", "t0k3n"), "--apply", "--issue", "1", "--corrections", db)).isZero();
        assertThat(err.toString()).contains("1 correction recorded from labels people set (0 recorded before)");

        try (CorrectionStore store = CorrectionStores.open(StoreLocation.parse(db, Map.of()), 2_000)) {
            Correction c = store.list(CorrectionQuery.all(null)).get(0);
            assertThat(List.of(c.head(), c.label(), c.answer(), c.author())).containsExactly("effect",
                    theirs.substring("dl-effect: ".length()), ours.substring("dl-effect: ".length()), "ada");
            assertThat(c.origin()).isEqualTo(Origin.GITHUB);
            assertThat(c.status()).isEqualTo(Status.ACCEPTED);
        }
    }

    @Test
    void a_dry_run_prints_the_plan_and_changes_nothing_then_apply_does_it_once() throws Exception {
        int code = run(Map.of());

        assertThat(code).as(err.toString()).isZero();
        assertThat(fake.writes()).isEmpty();
        String table = out.toString();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("issue").contains("current labels", "label to add", "confidence");
        assertThat(table).contains("#10", "pull request: skipped", "#3", "bug_type set by a person");
        assertThat(err.toString()).startsWith("dlbugs: dry run: 12 issues").contains("nothing changed (add --apply)");

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run(Map.of("GITHUB_TOKEN", "s3cr3t-t0ken"), "--apply", "--comment", "--json")).as(err.toString()).isZero();
        List<JsonNode> plans = out.toString().lines().map(TriageCommandTest::json).toList();
        assertThat(plans).hasSize(12).allSatisfy(p -> assertThat(p.path("model_version").asText()).isNotBlank());
        int planned = plans.stream().mapToInt(p -> p.path("add").size()).sum();
        int added = fake.writes().stream().filter(c -> c.path().matches(".*/issues/\\d+/labels"))
                .mapToInt(c -> c.body().path("labels").size()).sum();
        assertThat(added).isEqualTo(planned).isPositive();
        assertThat(fake.labelsOf(3)).filteredOn(l -> l.startsWith("dl-type: ")).containsExactly("dl-type: API Bug");
        assertThat(fake.labelsOf(10)).isEmpty();
        assertThat(out.toString() + err).doesNotContain("s3cr3t-t0ken");
        assertThat(Files.readString(dir.resolve("journal.json"))).contains("\"repo\" : \"" + REPO + "\"");

        fake.clearCalls();
        assertThat(run(Map.of("GITHUB_TOKEN", "s3cr3t-t0ken"), "--apply", "--comment")).isZero();
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void apply_without_a_token_is_a_usage_error() {
        assertThat(run(Map.of(), "--apply")).isEqualTo(2);
        assertThat(err.toString()).contains("--apply changes GitHub and needs a token: set GITHUB_TOKEN").hasLineCount(1);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_token_flag_is_refused_without_echoing_it() {
        assertThat(run(Map.of(), "--token", "ghp_abc")).isEqualTo(2);
        assertThat(err.toString()).contains("never a flag", "GITHUB_TOKEN").doesNotContain("ghp_abc");
    }

    @Test
    void an_unknown_head_or_a_bad_repository_is_one_line() {
        assertThat(run(Map.of(), "--heads", "bug_type,mood")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown head 'mood'").hasLineCount(1);
    }

    @Test
    void a_rate_limit_beyond_the_wait_stops_with_exit_75_naming_what_is_left() {
        fake.failNext("GET", "/issues$", 429, Map.of("Retry-After", "3600"), "{\"message\":\"slow down\"}");

        assertThat(run(Map.of(), "--max-wait", "60")).isEqualTo(75);
        assertThat(err.toString()).contains("dlbugs: stopped: GitHub's rate limit", "3600 s", "re-run to carry on")
                .doesNotContain("Exception");
    }

    @Test
    void no_such_repository_is_one_line_that_says_so() {
        assertThat(runOn("acme/nosuch", fake.url().toString(), Map.of())).isEqualTo(69);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).hasLineCount(1).contains("acme/nosuch", "no such repository")
                .doesNotContain("dry run", "journal", "later pages", "Not Found");
    }

    @Test
    void an_api_that_cannot_be_reached_is_one_line_that_says_so() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(runOn(REPO, "http://127.0.0.1:" + closed, Map.of())).isEqualTo(69);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).hasLineCount(1).contains("cannot reach http://127.0.0.1:" + closed, "connection refused")
                .doesNotContain("Exception", "dry run", "journal", "later pages");
    }

    @Test
    void a_refused_token_is_one_line_that_says_so() {
        fake.failNext("GET", "/issues$", 401, Map.of(), "{\"message\":\"Bad credentials\"}");

        assertThat(run(Map.of("GITHUB_TOKEN", "wrong"))).isEqualTo(69);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).hasLineCount(1).contains("GitHub refused the token", "GITHUB_TOKEN")
                .doesNotContain("dry run", "journal", "later pages", "wrong");
    }

    @Test
    void one_label_is_one_label() {
        assertThat(run(Map.of(), "--issue", "1", "--heads", "effect", "--threshold", "effect=0")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("dl-effect: ");
        assertThat(err.toString()).contains("dry run: 1 issue in", "; 1 label planned, nothing changed");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
