package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dlbugs.triage.GitHubToken;
import dlbugs.triage.Issue;
import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.Origin;
import dlbugs.corrections.Status;
import dlbugs.corrections.StoreLocation;
import dlbugs.triage.HeadLabels;
import dlbugs.triage.LabelScheme;
import dlbugs.triage.PlannedLabel;
import dlbugs.triage.RepoName;
import dlbugs.triage.TriageJournal;
import dlbugs.triage.TriagePlanner;
import dlbugs.triage.TriageRun;
import dlbugs.triage.WebhookSignature;
import dlbugs.triage.fake.FakeGitHub;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /github/webhook}: signatures, replays, limits, events, and the label calls it leads to. */
class GitHubWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String REPO = "acme/dlproject";
    private static final String TITLE = "Crash when fitting";
    private static final String BODY = "ValueError: shapes do not match in model.fit";
    private final WebhookSignature signer = new WebhookSignature(SECRET);
    private FakeGitHub github;

    @BeforeEach
    void fakeGitHub() throws Exception {
        github = new FakeGitHub("", REPO).issue(42, TITLE, BODY, false, "bug");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private Javalin app(boolean apply, ServeConfig config) {
        return app(apply, config, CorrectionStores.none("no store in this test"));
    }

    private Javalin app(boolean apply, ServeConfig config, CorrectionStore store) {
        WebhookConfig webhook = new WebhookConfig(SECRET, github.url(), Optional.of(new GitHubToken("t0k3n")), apply,
                false, "dlbugs-bot", LabelScheme.defaults(), 4);
        LoadedModel model = new LoadedModel(List.of(FakePredictor.open()), JSON.createObjectNode());
        return ServeApp.build(model, null, config, webhook, store).app();
    }

    private static byte[] labelEvent(String action, String label, String senderLogin, String senderType) throws Exception {
        ObjectNode p = (ObjectNode) JSON.readTree(issuesEvent(action, senderLogin, senderType));
        p.putObject("label").put("name", label).put("color", "ededed");
        return JSON.writeValueAsBytes(p);
    }

    @Test
    void a_persons_label_in_place_of_dlbugs_answer_becomes_their_accepted_correction(@TempDir Path dir) throws Exception {
        CorrectionStore store = CorrectionStores.open(StoreLocation.parse(dir.resolve("c.db").toString(), Map.of()), 2_000);
        JavalinTest.test(app(true, ServeConfig.defaults(), store), (server, client) -> {
            assertThat(deliver(client, "issues", "d-open", issuesEvent("opened", "someone", "User")).status()).isEqualTo(202);
            awaitLabelCall();
            LabelScheme scheme = LabelScheme.defaults();
            String ours = plannedLabels().stream().filter(l -> scheme.owner(l).isPresent()).findFirst().orElse(null);
            HeadLabels head = ours != null ? scheme.owner(ours).orElseThrow() : scheme.owner("dl-effect: Hang").orElseThrow();
            String answer = ours == null ? null : ours.substring(head.prefix().length());
            String theirs = FakePredictor.INFO.heads().stream().filter(h -> h.name().equals(head.head())).findFirst()
                    .orElseThrow().labels().stream().filter(l -> !l.equals(answer)).findFirst().orElseThrow();
            if (ours != null) {
                github.removeLabel(42, ours, "ada");
            }
            github.addLabel(42, head.label(theirs), "ada");

            assertThat(deliver(client, "issues", "d-bot", labelEvent("labeled", head.label(theirs), "dlbugs-bot", "User"))
                    .json().path("status").asText()).isEqualTo("ignored");
            assertThat(deliver(client, "issues", "d-bug", labelEvent("labeled", "bug", "ada", "User")).json()
                    .path("detail").asText()).isEqualTo("label 'bug' is no head's label");
            assertThat(deliver(client, "issues", "d-label", labelEvent("labeled", head.label(theirs), "ada", "User"))
                    .status()).isEqualTo(202);

            List<Correction> found = List.of();
            for (int i = 0; i < 200 && found.isEmpty(); i++) {
                Thread.sleep(25);
                found = store.list(CorrectionQuery.all(null));
            }
            assertThat(found).hasSize(1);
            Correction c = found.get(0);
            assertThat(List.of(c.head(), c.label(), c.author(), c.reviewedBy())).containsExactly(head.head(), theirs, "ada", "ada");
            assertThat(c.answer()).isEqualTo(answer);
            assertThat(c.origin()).isEqualTo(Origin.GITHUB);
            assertThat(c.status()).isEqualTo(Status.ACCEPTED);
            assertThat(c.modelVersion()).isEqualTo("1.2.3");
            assertThat(c.report()).isEqualTo(TriageRun.report(new Issue(42, TITLE, BODY, List.of(), false)));
            assertThat(client.get("/metrics").body().string())
                    .contains("dlbugs_corrections_total{head=\"" + head.head() + "\",origin=\"github\"} 1.0");
        });
    }

    private Javalin app(boolean apply) {
        return app(apply, ServeConfig.defaults());
    }

    private static ApiClient.Reply deliver(HttpClient client, String event, String delivery, byte[] body, String signature) {
        return ApiClient.Reply.of(client.request("/github/webhook", r -> {
            r.post(BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                    .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery);
            if (signature != null) {
                r.header("X-Hub-Signature-256", signature);
            }
        }));
    }

    private ApiClient.Reply deliver(HttpClient client, String event, String delivery, byte[] body) {
        return deliver(client, event, delivery, body, signer.sign(body));
    }

    private static byte[] issuesEvent(String action, String senderLogin, String senderType) throws Exception {
        ObjectNode p = JSON.createObjectNode().put("action", action);
        ObjectNode issue = p.putObject("issue").put("number", 42).put("title", TITLE).put("body", BODY).put("state", "open");
        issue.putArray("labels").addObject().put("name", "bug").put("color", "d73a4a");
        p.putObject("repository").put("full_name", REPO).put("name", "dlproject");
        p.putObject("sender").put("login", senderLogin).put("type", senderType);
        return JSON.writeValueAsBytes(p);
    }

    /** What the CLI's planner plans for issue 42 with this predictor: the webhook must make exactly these calls. */
    private static List<String> plannedLabels() {
        Issue issue = new Issue(42, TITLE, BODY, List.of("bug"), false);
        return new TriagePlanner(LabelScheme.defaults(), FakePredictor.INFO, false)
                .plan(RepoName.parse(REPO), issue, Optional.of(FakePredictor.expected(TriageRun.report(issue))),
                        TriageJournal.inMemory(RepoName.parse(REPO)).entry(42), false)
                .add().stream().map(PlannedLabel::name).toList();
    }

    private List<FakeGitHub.Call> awaitLabelCall() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<FakeGitHub.Call> calls = github.writes().stream().filter(c -> c.path().endsWith("/issues/42/labels")).toList();
            if (!calls.isEmpty()) {
                return calls;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no label call reached the fake GitHub; calls: " + github.calls());
    }

    @Test
    void githubs_test_vector_is_accepted_for_its_body() {
        JavalinTest.test(app(false), (server, client) -> {
            ApiClient.Reply r = deliver(client, "ping", "d-1", "Hello, World!".getBytes(StandardCharsets.UTF_8),
                    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("ignored");
        });
    }

    @Test
    void a_wrong_missing_or_truncated_signature_is_401_in_the_error_shape() throws Exception {
        byte[] body = issuesEvent("opened", "someone", "User");
        String good = signer.sign(body);
        JavalinTest.test(app(true), (server, client) -> {
            for (String bad : new String[]{good.replace('a', 'b').replace('1', '2'), null, good.substring(0, 40), "sha256="}) {
                ApiClient.Reply r = deliver(client, "issues", "d-" + bad, body, bad);
                assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(401);
                assertThat(r.errorCode()).isEqualTo("invalid_signature");
                assertThat(r.message()).contains("X-Hub-Signature-256");
            }
            assertThat(client.get("/metrics").body().string())
                    .contains("dlbugs_github_webhook_deliveries_total{event=\"unverified\",outcome=\"invalid_signature\"} 4");
        });
        assertThat(github.calls()).isEmpty();
    }

    @Test
    void issues_opened_leads_to_the_planned_label_calls_and_a_replay_changes_nothing() throws Exception {
        byte[] body = issuesEvent("opened", "someone", "User");
        List<String> planned = plannedLabels();
        assertThat(planned).isNotEmpty();
        JavalinTest.test(app(true), (server, client) -> {
            ApiClient.Reply r = deliver(client, "issues", "d-42", body);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.json().path("status").asText()).isEqualTo("queued");

            List<FakeGitHub.Call> labelCalls = awaitLabelCall();
            assertThat(labelCalls).singleElement().satisfies(c ->
                    assertThat(c.body().path("labels")).containsExactlyElementsOf(
                            planned.stream().map(JsonNodeFactory.instance::textNode).toList()));
            assertThat(github.labelsOf(42)).startsWith("bug").containsAll(planned);
            assertThat(github.writes()).noneMatch(c -> c.method().equals("PUT") || c.method().equals("DELETE"));

            int writes = github.writes().size();
            ApiClient.Reply again = deliver(client, "issues", "d-42", body);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("status").asText()).isEqualTo("duplicate");
            Thread.sleep(200);
            assertThat(github.writes()).hasSize(writes);
            String metrics = client.get("/metrics").body().string();
            assertThat(metrics).contains("dlbugs_github_webhook_deliveries_total{event=\"issues\",outcome=\"queued\"} 1",
                    "dlbugs_github_webhook_deliveries_total{event=\"issues\",outcome=\"duplicate\"} 1",
                    "dlbugs_github_triage_total{outcome=\"applied\"} 1");
        });
    }

    @Test
    void without_github_apply_it_only_reads() throws Exception {
        JavalinTest.test(app(false), (server, client) -> {
            assertThat(deliver(client, "issues", "d-dry", issuesEvent("reopened", "someone", "User")).status()).isEqualTo(202);
            for (int i = 0; i < 200 && !client.get("/metrics").body().string().contains("outcome=\"dry_run\"} 1"); i++) {
                Thread.sleep(25);
            }
            assertThat(client.get("/metrics").body().string()).contains("dlbugs_github_triage_total{outcome=\"dry_run\"} 1");
        });
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void other_events_actions_and_bots_are_ignored() throws Exception {
        JavalinTest.test(app(true), (server, client) -> {
            assertThat(deliver(client, "issues", "a", issuesEvent("assigned", "someone", "User")).json().path("detail").asText())
                    .contains("issues.assigned is not triaged");
            assertThat(deliver(client, "issues", "a2", labelEvent("labeled", "good first issue", "someone", "User")).json()
                    .path("detail").asText()).isEqualTo("label 'good first issue' is no head's label");
            assertThat(deliver(client, "issues", "b", issuesEvent("edited", "dlbugs-bot", "User")).json().path("detail").asText())
                    .contains("bot");
            assertThat(deliver(client, "issues", "c", issuesEvent("opened", "renovate[bot]", "Bot")).json().path("status").asText())
                    .isEqualTo("ignored");
            assertThat(deliver(client, "push", "d", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
            Thread.sleep(100);
        });
        assertThat(github.calls()).isEmpty();
    }

    @Test
    void a_body_over_the_limit_is_413() {
        byte[] big = new byte[4096];
        java.util.Arrays.fill(big, (byte) 'x');
        JavalinTest.test(app(true, ServeConfig.defaults().withMaxBodyBytes(1024)), (server, client) -> {
            ApiClient.Reply r = deliver(client, "issues", "big", big);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.errorCode()).isEqualTo("body_too_large");
        });
    }

    @Test
    void a_server_without_the_secret_has_the_webhook_off() {
        LoadedModel model = new LoadedModel(List.of(FakePredictor.open()), JSON.createObjectNode());
        JavalinTest.test(ServeApp.build(model, null, ServeConfig.defaults()).app(), (server, client) -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ApiClient.Reply r = deliver(client, "issues", "x", body);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("webhook_disabled");
        });
    }
}
