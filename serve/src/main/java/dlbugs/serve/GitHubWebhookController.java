package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.triage.GitHubApi;
import dlbugs.triage.Issue;
import dlbugs.triage.LabelScheme;
import dlbugs.triage.RepoName;
import dlbugs.triage.WebhookSignature;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /github/webhook}: checks the delivery's {@code X-Hub-Signature-256} against the
 * raw body, drops a delivery id it has seen, queues {@code issues} events whose action is
 * {@code opened}, {@code edited} or {@code reopened} (to triage), or {@code labeled} or
 * {@code unlabeled} with a head's label (to record people's decisions), never its own bot's, and
 * answers 202 at once; {@link WebhookQueue} does the work in the background. Every delivery is counted by event
 * and outcome. Off (403) unless the server has a webhook secret.
 */
final class GitHubWebhookController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIONS = Set.of("opened", "edited", "reopened");
    /** Label changes: a person's label of a head, on an issue dlbugs triaged, is a correction. */
    private static final Set<String> LABEL_ACTIONS = Set.of("labeled", "unlabeled");
    /** Delivery ids remembered; GitHub redelivers within days, and an id is 36 characters. */
    private static final int SEEN = 10_000;

    private final WebhookSignature signature;
    private final WebhookQueue queue;
    private final String botLogin;
    private final LabelScheme scheme;
    private final ServeMetrics metrics;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN;
        }
    });

    /** @param signature null when the endpoint is off */
    GitHubWebhookController(WebhookSignature signature, WebhookQueue queue, String botLogin, LabelScheme scheme,
                            ServeMetrics metrics) {
        this.signature = signature;
        this.queue = queue;
        this.botLogin = botLogin;
        this.scheme = scheme;
        this.metrics = metrics;
    }

    void receive(Context ctx) {
        if (signature == null) {
            throw new RefusedException(403, "webhook_disabled",
                    "the GitHub webhook is off; start the server with " + WebhookConfig.SECRET_ENV + " set");
        }
        byte[] body = ctx.bodyAsBytes();
        if (!signature.matches(body, ctx.header("X-Hub-Signature-256"))) {
            metrics.webhookDelivery("unverified", "invalid_signature");
            throw new RefusedException(401, "invalid_signature",
                    "X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of the body under the webhook's secret");
        }
        String event = headerOr(ctx, "X-GitHub-Event", "unknown");
        String delivery = headerOr(ctx, "X-GitHub-Delivery", "");
        if (delivery.isEmpty()) {
            metrics.webhookDelivery(event, "invalid");
            throw new RefusedException(400, "invalid_request", "X-GitHub-Delivery is missing");
        }
        if (!remember(delivery)) {
            answer(ctx, 200, event, "duplicate", "delivery " + delivery + " was received before");
            return;
        }
        if (!event.equals("issues")) {
            answer(ctx, 200, event, "ignored", event.equals("ping") ? "ping: the webhook is set up"
                    : "only issues events are triaged, not " + event);
            return;
        }
        JsonNode payload = parse(body, event);
        String ignored = whyIgnored(payload);
        if (ignored != null) {
            answer(ctx, 200, event, "ignored", ignored);
            return;
        }
        RepoName repo;
        Issue issue;
        try {
            repo = RepoName.parse(payload.path("repository").path("full_name").asText());
            issue = GitHubApi.issue(payload.path("issue"));
        } catch (IllegalArgumentException e) {
            forget(delivery);
            metrics.webhookDelivery(event, "invalid");
            throw new RefusedException(400, "invalid_request", "not an issues event GitHub would send: " + e.getMessage());
        }
        boolean labels = LABEL_ACTIONS.contains(payload.path("action").asText());
        if (!queue.offer(new WebhookQueue.Job(delivery, repo, issue, labels))) {
            forget(delivery);
            metrics.webhookDelivery(event, "overloaded");
            throw new OverloadedException("the webhook's queue is full; GitHub can redeliver this later");
        }
        answer(ctx, 202, event, "queued", repo + "#" + issue.number());
    }

    private String whyIgnored(JsonNode payload) {
        String action = payload.path("action").asText();
        if (!ACTIONS.contains(action) && !LABEL_ACTIONS.contains(action)) {
            return "issues." + action + " is not triaged (only opened, edited, reopened; labeled, unlabeled)";
        }
        JsonNode sender = payload.path("sender");
        if ("Bot".equals(sender.path("type").asText()) || sender.path("login").asText().equals(botLogin)) {
            return "the event is a bot's (" + sender.path("login").asText() + ")";
        }
        String label = payload.path("label").path("name").asText();
        if (LABEL_ACTIONS.contains(action) && scheme.owner(label).isEmpty()) {
            return "label '" + label + "' is no head's label";
        }
        return null;
    }

    private JsonNode parse(byte[] body, String event) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (IOException e) {
            // answered below
        }
        metrics.webhookDelivery(event, "invalid");
        throw new RefusedException(400, "invalid_json", "the delivery's body is not a JSON object");
    }

    private synchronized boolean remember(String delivery) {
        return seen.add(delivery);
    }

    private synchronized void forget(String delivery) {
        seen.remove(delivery);
    }

    private void answer(Context ctx, int status, String event, String outcome, String detail) {
        metrics.webhookDelivery(event, outcome);
        ObjectNode body = JSON.createObjectNode().put("status", outcome).put("detail", detail);
        ctx.status(status).json(body);
    }

    private static String headerOr(Context ctx, String name, String fallback) {
        String v = ctx.header(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
