package dlbugs.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Fetches Stack Overflow questions and their accepted answers through the Stack Exchange API
 * (2.3): ids in batches of 100, the {@code withbody} filter, an app key if given. It waits the
 * {@code backoff} seconds the API asks for before its next call, and stops cleanly when the
 * daily quota runs out or the API refuses (throttling): what was not fetched is reported with
 * the reason, and a later run picks it up.
 */
public final class StackExchange {

    /** Ids per call: the API's maximum. */
    static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits; a test replaces it to record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * A question as the API gives it.
     *
     * @param id     question id
     * @param title  its title
     * @param body   its body (HTML, as posted)
     * @param answer the accepted answer's body, or null if none
     * @param tags   its tags
     */
    public record Question(String id, String title, String body, String answer, List<String> tags) {
    }

    /**
     * What a run fetched.
     *
     * @param questions  the questions fetched
     * @param missing    id → why it was not fetched
     * @param stopReason why the run stopped early, or null if it did not
     */
    public record Result(List<Question> questions, Map<String, String> missing, String stopReason) {
    }

    private final HttpClient http;
    private final URI api;
    private final Optional<StackExchangeKey> key;
    private final Sleeper sleeper;

    /**
     * @param api the API's base, e.g. {@code https://api.stackexchange.com/2.3}
     * @param key the app key, sent with every call; empty for the keyless quota
     */
    public StackExchange(HttpClient http, URI api, Optional<StackExchangeKey> key, Sleeper sleeper) {
        this.http = http;
        this.api = api;
        this.key = key;
        this.sleeper = sleeper;
    }

    /**
     * @param ids      question ids
     * @param progress told how many ids have been handled so far
     */
    public Result questions(List<String> ids, IntConsumer progress) throws IOException, InterruptedException {
        List<Question> found = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        String stop = null;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            if (stop != null) {
                String why = stop;
                batch.forEach(id -> missing.put(id, "not asked: " + why));
                continue;
            }
            Page questions = call("questions/" + String.join(";", batch));
            if (questions.error() != null) {
                stop = questions.error();
                batch.forEach(id -> missing.put(id, "not asked: " + questions.error()));
                continue;
            }
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            questions.items().forEach(q -> byId.put(q.path("question_id").asText(), q));
            Map<String, String> answers = new LinkedHashMap<>();
            List<String> accepted = byId.values().stream().filter(q -> q.hasNonNull("accepted_answer_id"))
                    .map(q -> q.path("accepted_answer_id").asText()).toList();
            if (!accepted.isEmpty() && questions.quotaLeft()) {
                Page a = call("answers/" + String.join(";", accepted));
                if (a.error() == null) {
                    a.items().forEach(n -> answers.put(n.path("answer_id").asText(), n.path("body").asText(null)));
                } else {
                    stop = a.error();
                }
            }
            for (String id : batch) {
                JsonNode q = byId.get(id);
                if (q == null) {
                    missing.put(id, "the API does not have it (deleted or never existed)");
                    continue;
                }
                List<String> tags = new ArrayList<>();
                q.path("tags").forEach(t -> tags.add(t.asText()));
                found.add(new Question(id, q.path("title").asText(), q.path("body").asText(null),
                        answers.get(q.path("accepted_answer_id").asText()), tags));
            }
            progress.accept(Math.min(ids.size(), from + BATCH));
            if (stop == null && !questions.quotaLeft()) {
                stop = "the API's daily quota is used up";
            }
        }
        return new Result(found, missing, stop);
    }

    private String redact(String text) {
        return key.map(k -> k.redact(text)).orElse(text);
    }

    /** One API answer: its items, or the error that stopped it. */
    private record Page(List<JsonNode> items, boolean quotaLeft, String error) {
    }

    private Page call(String path) throws IOException, InterruptedException {
        String query = "site=stackoverflow&filter=withbody&pagesize=" + BATCH
                + key.map(k -> "&key=" + URLEncoder.encode(k.value(), StandardCharsets.UTF_8)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/" + path + "?" + query))
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // The request's URL holds the key: the message is redacted and the cause, which may quote it, left out.
            throw new IOException("cannot reach the Stack Exchange API at " + api + ": " + redact(Downloads.describe(e)));
        }
        JsonNode body;
        try (InputStream raw = r.body();
             InputStream in = r.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()
                     ? new GZIPInputStream(raw) : raw) {
            body = JSON.readTree(in);
        }
        if (body == null || !body.isObject()) {
            return new Page(List.of(), true, "the API answered HTTP " + r.statusCode() + " without JSON");
        }
        if (body.has("error_id")) {
            return new Page(List.of(), false, redact("the API refused (" + body.path("error_name").asText() + "): "
                    + body.path("error_message").asText()));
        }
        if (body.path("backoff").asInt(0) > 0) {
            sleeper.sleep(Duration.ofSeconds(body.path("backoff").asInt()));
        }
        List<JsonNode> items = new ArrayList<>();
        body.path("items").forEach(items::add);
        return new Page(items, body.path("quota_remaining").asInt(1) > 0, null);
    }
}
