package dlbugs.triage;

import dlbugs.triage.TriagePlan.Outcome;
import dlbugs.triage.fake.FakeGitHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A triage run against a fake GitHub on loopback: pages, people's labels, dry runs, re-runs, limits. */
class TriageRunTest {

    private static final String REPO = "acme/dlproject";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final List<Duration> waits = new ArrayList<>();
    private final ScriptedPredictor predictor = new ScriptedPredictor();
    private FakeGitHub fake;
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private FakeGitHub fake() throws Exception {
        fake = new FakeGitHub("", REPO);
        return fake;
    }

    private TriageRun.Result run(boolean apply, boolean comment, TriageJournal journal, IssueQuery query) throws Exception {
        return run(apply, comment, journal, query, GitHubHttp.Limits.defaults(), waits::add);
    }

    private TriageRun.Result run(boolean apply, boolean comment, TriageJournal journal, IssueQuery query,
                                 GitHubHttp.Limits limits, GitHubHttp.Sleeper sleeper) throws Exception {
        GitHubHttp http = new GitHubHttp(HttpClient.newHttpClient(), fake.url(), Optional.of(new GitHubToken("t0k3n")),
                limits, sleeper, Clock.fixed(NOW, ZoneOffset.UTC));
        GitHubApi api = new GitHubApi(http, RepoName.parse(REPO));
        TriagePlanner planner = new TriagePlanner(LabelScheme.defaults(), ScriptedPredictor.INFO, comment);
        return new TriageRun(api, predictor, planner, journal, apply).run(query, p -> { });
    }

    private TriageJournal journal() throws Exception {
        return TriageJournal.open(dir.resolve("journal.json"), RepoName.parse(REPO));
    }

    @Test
    void reads_every_page_of_issues() throws Exception {
        fake();
        IntStream.rangeClosed(1, 250).forEach(n -> fake.issue(n, "Crash " + n, "ValueError in fit", false));

        TriageRun.Result r = run(false, false, journal(), IssueQuery.open());

        List<FakeGitHub.Call> lists = fake.calls().stream().filter(c -> c.path().endsWith("/issues")).toList();
        assertThat(lists).hasSize(3);
        assertThat(lists.get(0).query()).contains("state=open", "per_page=100");
        assertThat(lists.get(2).query()).contains("page=3");
        assertThat(r.plans()).extracting(TriagePlan::issue).containsExactlyElementsOf(IntStream.rangeClosed(1, 250).boxed().toList());
        assertThat(r.stopReason()).isNull();
    }

    @Test
    void state_and_since_are_asked_of_github() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);

        run(false, false, journal(), new IssueQuery("all", Instant.parse("2026-11-01T00:00:00Z"), 0));

        assertThat(fake.calls().get(0).query()).contains("state=all", "since=2026-11-01T00%3A00%3A00Z");
    }

    @Test
    void a_dry_run_calls_github_for_nothing_but_reading() throws Exception {
        fake().issue(1, "Crash in fit", "shape mismatch", false).issue(2, "unsure report", "hmm", false);

        TriageRun.Result r = run(false, true, journal(), IssueQuery.open());

        assertThat(fake.writes()).isEmpty();
        assertThat(r.plans()).extracting(TriagePlan::outcome).containsExactly(Outcome.LABEL, Outcome.NEEDS_TRIAGE);
        assertThat(r.plans().get(0).add()).extracting(PlannedLabel::name)
                .containsExactly("dl-kind: Data", "dl-type: Data Bug", "dl-effect: Crash", "dl-stage: Training");
        assertThat(r.plans().get(0).comment()).startsWith(TriageComment.MARKER);
        assertThat(fake.labelsOf(1)).isEmpty();
    }

    @Test
    void apply_makes_exactly_the_planned_calls_and_a_rerun_makes_none() throws Exception {
        fake().issue(1, "Crash in fit", "shape mismatch", false).issue(2, "unsure report", "hmm", false)
                .issue(3, "Feature request: ONNX", "please", false).issue(4, "Crash again", "again", false, "bug");
        List<TriagePlan> planned = run(false, false, journal(), IssueQuery.open()).plans();
        fake.clearCalls();

        TriageRun.Result r = run(true, false, journal(), IssueQuery.open());

        assertThat(r.plans()).isEqualTo(planned);
        List<String> expected = new ArrayList<>();
        List<String> newLabels = List.of("dl-kind: Data", "dl-type: Data Bug", "dl-effect: Crash", "dl-stage: Training",
                "dl-needs-triage");
        newLabels.forEach(l -> expected.add("POST /repos/" + REPO + "/labels"));
        expected.add(3, "POST /repos/" + REPO + "/issues/1/labels");
        expected.add("POST /repos/" + REPO + "/issues/2/labels");
        expected.add("POST /repos/" + REPO + "/issues/4/labels");
        assertThat(fake.writes()).extracting(FakeGitHub.Call::toString).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fake.writes()).noneMatch(c -> c.method().equals("PUT") || c.method().equals("DELETE"));
        assertThat(fake.labelsOf(4)).containsExactly("bug", "dl-kind: Data", "dl-type: Data Bug", "dl-effect: Crash",
                "dl-stage: Training");
        assertThat(fake.labelsOf(2)).containsExactly("dl-needs-triage");
        assertThat(fake.labelsOf(3)).isEmpty();
        assertThat(r.applied()).isEqualTo(3);

        fake.clearCalls();
        TriageRun.Result again = run(true, false, journal(), IssueQuery.open());
        assertThat(fake.writes()).isEmpty();
        assertThat(again.applied()).isZero();
        assertThat(again.plans()).extracting(TriagePlan::outcome).containsOnly(Outcome.NOTHING_TO_DO, Outcome.NOT_A_DL_BUG);
    }

    @Test
    void a_label_a_person_set_under_a_prefix_is_left_alone_and_so_is_its_head() throws Exception {
        fake().issue(7, "Crash in fit", "shape mismatch", false, "dl-type: API Bug");

        TriagePlan plan = run(true, false, journal(), IssueQuery.open()).plans().get(0);

        assertThat(fake.labelsOf(7)).containsExactly("dl-type: API Bug", "dl-kind: Data", "dl-effect: Crash",
                "dl-stage: Training");
        assertThat(plan.decisions()).filteredOn(d -> d.head().equals("bug_type"))
                .extracting(HeadDecision::status).containsExactly(HeadDecision.Status.SET_BY_PERSON);
    }

    @Test
    void a_label_dlbugs_added_and_a_person_removed_is_not_added_again() throws Exception {
        fake().issue(1, "Crash in fit", "shape mismatch", false);
        run(true, false, journal(), IssueQuery.open());
        fake.removeLabel(1, "dl-effect: Crash");
        fake.clearCalls();

        run(true, false, journal(), IssueQuery.open());

        assertThat(fake.writes()).isEmpty();
        assertThat(fake.labelsOf(1)).doesNotContain("dl-effect: Crash");
    }

    @Test
    void a_label_a_person_put_in_place_of_dlbugs_is_their_decision_on_the_next_run() throws Exception {
        fake().issue(1, "Crash in fit", "shape mismatch", false).issue(2, "unsure report", "hmm", false)
                .issue(3, "Crash again", "again", false, "dl-stage: Evaluation");
        run(true, false, journal(), IssueQuery.open());
        fake.removeLabel(1, "dl-effect: Crash", "ada");
        fake.addLabel(1, "dl-effect: Hang", "ada");
        fake.addLabel(2, "dl-stage: Prediction", "bob");
        fake.addLabel(2, "dl-cause: IPS", "bob");
        fake.removeLabel(2, "dl-cause: IPS", "bob");
        fake.removeLabel(3, "dl-type: Data Bug", "carol");
        fake.clearCalls();

        TriageRun.Result r = run(true, false, journal(), IssueQuery.open());

        assertThat(r.decisions()).extracting(d -> d.issue().number() + " " + d.head() + "=" + d.label() + " (was " + d.replaced()
                + ") by " + d.login()).containsExactlyInAnyOrder("1 effect=Hang (was Crash) by ada",
                "2 stage=Prediction (was null) by bob");
        assertThat(r.decisions().get(0).issue().title()).isIn("Crash in fit", "unsure report");
        assertThat(fake.calls()).extracting(FakeGitHub.Call::path).filteredOn(p -> p.endsWith("/events"))
                .containsExactlyInAnyOrder("/repos/" + REPO + "/issues/1/events", "/repos/" + REPO + "/issues/2/events",
                        "/repos/" + REPO + "/issues/3/events");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void without_a_journal_nothing_is_taken_for_a_persons_decision() throws Exception {
        fake().issue(1, "Crash in fit", "shape mismatch", false);
        run(true, false, journal(), IssueQuery.open());
        fake.addLabel(1, "dl-stage: Prediction", "ada");

        TriageRun.Result r = run(false, false, TriageJournal.inMemory(RepoName.parse(REPO)), IssueQuery.open());

        assertThat(r.decisions()).isEmpty();
    }

    @Test
    void a_pull_request_in_the_issue_list_is_skipped() throws Exception {
        fake().issue(1, "Fix typo", "docs", true).issue(2, "Crash in fit", "shape", false);

        TriageRun.Result r = run(true, true, journal(), IssueQuery.open());

        assertThat(r.plans().get(0).outcome()).isEqualTo(Outcome.PULL_REQUEST);
        assertThat(fake.labelsOf(1)).isEmpty();
        assertThat(fake.commentsOf(1)).isEmpty();
        assertThat(fake.writes()).noneMatch(c -> c.path().contains("/issues/1/"));
        assertThat(predictor.reports).hasValue(1);
    }

    @Test
    void a_report_without_usable_content_needs_triage_and_does_not_spoil_its_batch() throws Exception {
        fake().issue(1, "nothing", "", false).issue(2, "Crash in fit", "shape", false);

        TriageRun.Result r = run(false, false, journal(), IssueQuery.open());

        assertThat(r.plans()).extracting(TriagePlan::outcome).containsExactly(Outcome.NEEDS_TRIAGE, Outcome.LABEL);
    }

    @Test
    void one_issue_is_read_by_number() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false).issue(2, "Crash again", "shape", false);

        TriageRun.Result r = run(false, false, journal(), IssueQuery.one(2));

        assertThat(r.plans()).extracting(TriagePlan::issue).containsExactly(2);
        assertThat(fake.calls()).extracting(FakeGitHub.Call::path).containsExactly("/repos/" + REPO + "/issues/2");
    }

    @Test
    void labels_are_created_with_a_colour_and_the_taxonomy_definition() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);

        run(true, false, journal(), IssueQuery.open());

        var crash = fake.repoLabels().get("dl-effect: Crash");
        assertThat(crash.path("color").asText()).isEqualTo("b60205");
        assertThat(crash.path("description").asText()).isEqualTo("the program stops with an error");
        assertThat(fake.repoLabels().values()).allSatisfy(l -> assertThat(l.path("description").asText().length()).isLessThanOrEqualTo(100));
    }

    @Test
    void comments_once_with_the_top_three_per_head_and_never_again() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);

        run(true, true, journal(), IssueQuery.open());
        run(true, true, journal(), IssueQuery.open());

        assertThat(fake.commentsOf(1)).singleElement().asString().startsWith(TriageComment.MARKER)
                .contains("0.0.1-test", "Crash 0.95", "not sure (below 0.58)", "Remove it and add the right one",
                        "| Root cause | UT (unaligned tensor) 0.30, AIAC (absence of inter-API compatibility) 0.08");
    }

    @Test
    void a_comment_a_person_deleted_is_not_posted_again() throws Exception {
        fake().issue(1, "unsure", "shape", false);
        run(true, true, journal(), IssueQuery.open());
        fake.deleteComments(1);
        fake.removeLabel(1, "dl-needs-triage");
        fake.clearCalls();

        run(true, true, journal(), IssueQuery.open());

        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void a_comment_found_on_the_issue_is_not_repeated_without_a_journal() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.comment(1, TriageComment.MARKER + "\nold comment");

        run(true, true, TriageJournal.inMemory(RepoName.parse(REPO)), IssueQuery.open());

        assertThat(fake.commentsOf(1)).hasSize(1);
        assertThat(fake.labelsOf(1)).contains("dl-effect: Crash");
    }

    @Test
    void a_secondary_rate_limit_with_retry_after_is_waited_out_for_real() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.failNext("GET", "/issues$", 403, Map.of("Retry-After", "1"),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}");
        long t0 = System.nanoTime();

        TriageRun.Result r = run(false, false, journal(), IssueQuery.open(), GitHubHttp.Limits.defaults(),
                d -> Thread.sleep(d.toMillis()));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(r.stopReason()).isNull();
        assertThat(r.plans()).hasSize(1);
        assertThat(fake.calls()).filteredOn(c -> c.path().endsWith("/issues")).hasSize(2);
    }

    @Test
    void a_502_is_retried_with_backoff() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.failNext("POST", "/issues/1/labels", 502, Map.of(), "{\"message\":\"Server Error\"}");

        TriageRun.Result r = run(true, false, journal(), IssueQuery.open());

        assertThat(r.stopReason()).isNull();
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(fake.labelsOf(1)).contains("dl-effect: Crash");
    }

    @Test
    void a_comment_whose_post_failed_with_a_5xx_is_posted_once() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.failNext("POST", "/issues/1/comments", 502, Map.of(), "{\"message\":\"Server Error\"}");

        run(true, true, journal(), IssueQuery.open());

        assertThat(fake.commentsOf(1)).hasSize(1);
    }

    @Test
    void a_primary_rate_limit_beyond_the_bound_stops_the_run_naming_what_is_left() throws Exception {
        fake();
        IntStream.rangeClosed(1, 4).forEach(n -> fake.issue(n, "Crash " + n, "shape", false));
        long reset = NOW.getEpochSecond() + 3600;
        fake.failNext("POST", "/issues/3/labels", 403, Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(reset)), "{\"message\":\"API rate limit exceeded\"}");

        TriageRun.Result r = run(true, false, journal(), IssueQuery.open(),
                new GitHubHttp.Limits(Duration.ofMinutes(15), 3, Duration.ofSeconds(1)), waits::add);

        assertThat(r.stopReason()).contains("rate limit", "3601 s", "900 s");
        assertThat(r.left()).containsExactly(3, 4);
        assertThat(waits).isEmpty();
        assertThat(fake.labelsOf(2)).isNotEmpty();
        assertThat(fake.labelsOf(3)).isEmpty();
    }

    @Test
    void a_primary_rate_limit_within_the_bound_is_waited_until_its_reset() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.failNext("GET", "/issues$", 403, Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 30)), "{\"message\":\"API rate limit exceeded\"}");

        TriageRun.Result r = run(false, false, journal(), IssueQuery.open());

        assertThat(waits).containsExactly(Duration.ofSeconds(31));
        assertThat(r.stopReason()).isNull();
        assertThat(r.plans()).hasSize(1);
    }

    @Test
    void a_403_that_is_no_rate_limit_stops_without_waiting() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.failNext("POST", "/issues/1/labels", 403, Map.of(), "{\"message\":\"Resource not accessible by integration\"}");

        TriageRun.Result r = run(true, false, journal(), IssueQuery.open());

        assertThat(waits).isEmpty();
        assertThat(r.stopReason()).isEqualTo("GitHub answered 403 to POST /repos/" + REPO
                + "/issues/1/labels: Resource not accessible by integration");
        assertThat(r.left()).containsExactly(1);
    }

    @Test
    void a_threshold_of_the_scheme_overrides_the_bundles() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        GitHubHttp http = new GitHubHttp(HttpClient.newHttpClient(), fake.url(), Optional.empty(),
                GitHubHttp.Limits.defaults(), waits::add, Clock.systemUTC());
        LabelScheme scheme = LabelScheme.of(List.of("root_cause", "effect"), Map.of(), Map.of("root_cause", 0.25, "effect", 0.99), "t");
        TriagePlan plan = new TriageRun(new GitHubApi(http, RepoName.parse(REPO)), predictor,
                new TriagePlanner(scheme, ScriptedPredictor.INFO, false), journal(), false).run(IssueQuery.open(), p -> { })
                .plans().get(0);

        assertThat(plan.add()).extracting(PlannedLabel::name).containsExactly("dl-cause: UT");
    }

    @Test
    void an_interrupted_run_resumes_without_a_duplicate_comment() throws Exception {
        fake();
        IntStream.rangeClosed(1, 3).forEach(n -> fake.issue(n, "Crash " + n, "shape", false));
        fake.failNext("POST", "/issues/2/comments", 429, Map.of("Retry-After", "7200"), "{\"message\":\"slow down\"}");

        TriageRun.Result first = run(true, true, journal(), IssueQuery.open());
        assertThat(first.stopReason()).contains("7200 s");
        assertThat(first.left()).containsExactly(2, 3);
        assertThat(fake.labelsOf(2)).contains("dl-effect: Crash");

        TriageRun.Result second = run(true, true, journal(), IssueQuery.open());

        assertThat(second.stopReason()).isNull();
        for (int n = 1; n <= 3; n++) {
            assertThat(fake.commentsOf(n)).as("comments of #" + n).hasSize(1);
            assertThat(fake.labelsOf(n)).as("labels of #" + n).hasSize(4);
        }
        assertThat(fake.writes()).filteredOn(c -> c.path().endsWith("/issues/1/comments")).hasSize(1);
    }

    @Test
    void the_token_is_sent_as_a_bearer_and_never_shown() throws Exception {
        fake().issue(1, "Crash in fit", "shape", false);
        fake.failNext("GET", "/issues$", 401, Map.of(), "{\"message\":\"Bad credentials t0k3n\"}");

        TriageRun.Result r = run(false, false, journal(), IssueQuery.open());

        assertThat(r.stopReason()).contains("401", "GITHUB_TOKEN").doesNotContain("t0k3n");
        assertThat(fake.calls()).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer t0k3n"));
        assertThat(new GitHubToken("t0k3n").toString()).doesNotContain("t0k3n");
    }

    @Test
    void works_under_a_github_enterprise_api_path() throws Exception {
        fake = new FakeGitHub("/api/v3", REPO);
        IntStream.rangeClosed(1, 120).forEach(n -> fake.issue(n, "Crash " + n, "shape", false));

        TriageRun.Result r = run(false, false, journal(), IssueQuery.open());

        assertThat(r.plans()).hasSize(120);
        assertThat(fake.calls()).allSatisfy(c -> assertThat(c.path()).startsWith("/api/v3/repos/"));
    }

    @Test
    void a_next_page_link_to_another_host_is_not_followed() throws Exception {
        fake();
        GitHubHttp http = new GitHubHttp(HttpClient.newHttpClient(), fake.url(), Optional.of(new GitHubToken("t0k3n")),
                GitHubHttp.Limits.defaults(), waits::add, Clock.systemUTC());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.get(URI.create("https://evil.example/repos/x")))
                .isInstanceOf(GitHubException.class).hasMessageContaining("not followed");
    }
}
