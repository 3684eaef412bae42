package dlbugs.triage.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An imitation of GitHub's REST API for one repository, served on 127.0.0.1 by the JDK's
 * {@link HttpServer}. Issues are listed 30 a page unless {@code per_page} says otherwise, with
 * GitHub's {@code Link} header; labels are added by {@code POST} and the label list answers
 * like GitHub's; comments are kept. Every call is logged ({@link #calls()}), and
 * {@link #failNext} scripts answers such as a 403 secondary rate limit or a 502.
 */
public final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISSUE = Pattern.compile("/issues/(\\d+)(/labels|/comments|/events)?");

    static {
        // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK (about 40 ms a call), which GitHub does not cost.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** A call the fake received. */
    public record Call(String method, String path, String query, JsonNode body, String authorization) {
        /** @return true for a call that would change GitHub */
        public boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    /** A scripted answer: sent instead of the real one to the next call that matches. */
    private record Scripted(String method, Pattern path, int status, Map<String, String> headers, String body) {
    }

    private final class FakeIssue {
        final int number;
        final String title;
        final String body;
        final boolean pullRequest;
        final List<String> labels = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        final List<JsonNode> events = new ArrayList<>();

        FakeIssue(int number, String title, String body, boolean pullRequest) {
            this.number = number;
            this.title = title;
            this.body = body;
            this.pullRequest = pullRequest;
        }
    }

    private final HttpServer server;
    private final String base;
    private final String repoPath;
    private final Map<Integer, FakeIssue> issues = new TreeMap<>();
    private final Map<String, ObjectNode> labels = new LinkedHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    /** Who the API's caller is: the actor of the label events its calls make. */
    private String caller = "dlbugs-bot";
    private boolean callerIsBot;
    private long clock;

    /**
     * Starts the fake on a free port.
     *
     * @param basePath the API's root path: "" as on github.com, {@code /api/v3} as on GitHub Enterprise
     * @param repo     {@code OWNER/REPO}
     */
    public FakeGitHub(String basePath, String repo) throws IOException {
        this(basePath, repo, 0);
    }

    /** As {@link #FakeGitHub(String, String)} on a given port (0 for any free one). */
    public FakeGitHub(String basePath, String repo, int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.repoPath = basePath + "/repos/" + repo;
        this.base = "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
        server.createContext(basePath.isEmpty() ? "/" : basePath, this::handle);
        server.start();
    }

    /** @return the API's root URL, for {@code --api-url} */
    public URI url() {
        return URI.create(base);
    }

    /** Adds an issue (or a pull request) with labels; @return this */
    public synchronized FakeGitHub issue(int number, String title, String body, boolean pullRequest, String... labelNames) {
        FakeIssue i = new FakeIssue(number, title, body, pullRequest);
        issues.put(number, i);
        for (String l : labelNames) {
            addLabel(number, l, "maintainer");
        }
        return this;
    }

    /** Says who the API's caller is (default {@code dlbugs-bot}, a user token): the actor of the labels it adds. */
    public synchronized FakeGitHub actingAs(String login, boolean bot) {
        this.caller = login;
        this.callerIsBot = bot;
        return this;
    }

    /** Puts a label on an issue as a person would (a {@code labeled} event by {@code login}). */
    public synchronized void addLabel(int number, String name, String login) {
        FakeIssue i = issues.get(number);
        if (!i.labels.contains(name)) {
            i.labels.add(name);
            event(i, true, name, login, false);
        }
        labels.computeIfAbsent(name, n -> label(n, "ededed", ""));
    }

    /** Takes a label off an issue as {@code login} would (an {@code unlabeled} event). */
    public synchronized void removeLabel(int number, String name, String login) {
        if (issues.get(number).labels.remove(name)) {
            event(issues.get(number), false, name, login, false);
        }
    }

    private void event(FakeIssue i, boolean added, String label, String login, boolean bot) {
        ObjectNode e = JSON.createObjectNode().put("id", 90_000L + (++clock)).put("event", added ? "labeled" : "unlabeled")
                .put("created_at", java.time.Instant.parse("2026-11-01T10:00:00Z").plusSeconds(clock).toString());
        e.putObject("actor").put("login", login).put("type", bot ? "Bot" : "User");
        e.putObject("label").put("name", label).put("color", "ededed");
        i.events.add(e);
    }

    /** Adds a comment to an issue, as a person or an earlier run would have. */
    public synchronized void comment(int number, String text) {
        issues.get(number).comments.add(text);
    }

    /** Deletes every comment of an issue, as a person might. */
    public synchronized void deleteComments(int number) {
        issues.get(number).comments.clear();
    }

    /** Removes a label from an issue, as a person ({@code maintainer}) might. */
    public synchronized void removeLabel(int number, String name) {
        removeLabel(number, name, "maintainer");
    }

    /** Answers the next call matching method and path regex with this status, headers and JSON body instead. */
    public synchronized void failNext(String method, String pathRegex, int status, Map<String, String> headers, String body) {
        scripted.add(new Scripted(method, Pattern.compile(pathRegex), status, headers, body));
    }

    /** @return every call received so far, in order */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** @return the calls that would have changed GitHub */
    public List<Call> writes() {
        return calls().stream().filter(Call::writes).toList();
    }

    /** Forgets the calls received so far. */
    public void clearCalls() {
        calls.clear();
    }

    /** @return an issue's labels now */
    public synchronized List<String> labelsOf(int number) {
        return List.copyOf(issues.get(number).labels);
    }

    /** @return an issue's comments now */
    public synchronized List<String> commentsOf(int number) {
        return List.copyOf(issues.get(number).comments);
    }

    /** @return the repository's label objects, by name */
    public synchronized Map<String, ObjectNode> repoLabels() {
        return Map.copyOf(labels);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        byte[] in = x.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : JSON.readTree(in);
        calls.add(new Call(method, URLDecoder.decode(path, StandardCharsets.UTF_8), query, body,
                x.getRequestHeaders().getFirst("Authorization")));
        synchronized (this) {
            Scripted s = scripted.stream().filter(c -> c.method().equals(method) && c.path().matcher(path).find())
                    .findFirst().orElse(null);
            if (s != null) {
                scripted.remove(s);
                s.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
                send(x, s.status(), s.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            answer(x, method, path, query, body);
        }
    }

    private void answer(HttpExchange x, String method, String path, String query, JsonNode body) throws IOException {
        if (!path.startsWith(repoPath)) {
            send(x, 404, error("Not Found"));
            return;
        }
        String rest = path.substring(repoPath.length());
        Map<String, String> q = query(query);
        Matcher m = ISSUE.matcher(rest);
        if (rest.equals("/issues") && method.equals("GET")) {
            List<JsonNode> all = issues.values().stream().filter(i -> wanted(i, q)).<JsonNode>map(this::json).toList();
            page(x, all, q, path);
        } else if (rest.equals("/labels") && method.equals("GET")) {
            page(x, new ArrayList<JsonNode>(labels.values()), q, path);
        } else if (rest.equals("/labels") && method.equals("POST")) {
            String name = body.path("name").asText();
            if (labels.containsKey(name)) {
                send(x, 422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Label\",\"code\":\"already_exists\",\"field\":\"name\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            ObjectNode l = label(name, body.path("color").asText(), body.path("description").asText());
            labels.put(name, l);
            send(x, 201, JSON.writeValueAsBytes(l));
        } else if (m.matches() && issues.containsKey(Integer.parseInt(m.group(1)))) {
            issueCall(x, method, issues.get(Integer.parseInt(m.group(1))), m.group(2), body, q, path);
        } else {
            send(x, 404, error("Not Found"));
        }
    }

    private void issueCall(HttpExchange x, String method, FakeIssue i, String sub, JsonNode body, Map<String, String> q,
                           String path) throws IOException {
        if (sub == null && method.equals("GET")) {
            send(x, 200, JSON.writeValueAsBytes(json(i)));
        } else if ("/labels".equals(sub) && method.equals("POST")) {
            body.path("labels").forEach(l -> {
                if (!i.labels.contains(l.asText())) {
                    i.labels.add(l.asText());
                    event(i, true, l.asText(), caller, callerIsBot);
                }
                labels.computeIfAbsent(l.asText(), n -> label(n, "ededed", ""));
            });
            ArrayNode out = JSON.createArrayNode();
            i.labels.forEach(l -> out.add(labels.get(l)));
            send(x, 200, JSON.writeValueAsBytes(out));
        } else if ("/comments".equals(sub) && method.equals("GET")) {
            List<JsonNode> all = new ArrayList<>();
            for (int k = 0; k < i.comments.size(); k++) {
                all.add(JSON.createObjectNode().put("id", i.number * 1000L + k).put("body", i.comments.get(k))
                        .set("user", JSON.createObjectNode().put("login", "someone").put("type", "User")));
            }
            page(x, all, q, path);
        } else if ("/events".equals(sub) && method.equals("GET")) {
            page(x, new ArrayList<>(i.events), q, path);
        } else if ("/comments".equals(sub) && method.equals("POST")) {
            i.comments.add(body.path("body").asText());
            send(x, 201, JSON.writeValueAsBytes(JSON.createObjectNode().put("id", i.number * 1000L + i.comments.size())
                    .put("body", body.path("body").asText())));
        } else {
            send(x, 405, error("Method Not Allowed"));
        }
    }

    private static boolean wanted(FakeIssue i, Map<String, String> q) {
        return !"closed".equals(q.getOrDefault("state", "open"));
    }

    /** Answers one page of a list, with GitHub's Link header when there are more. */
    private void page(HttpExchange x, List<JsonNode> all, Map<String, String> q, String path) throws IOException {
        int perPage = Math.min(100, Integer.parseInt(q.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        if (to < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("page", String.valueOf(page + 1));
            String qs = String.join("&", next.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            String origin = "http://127.0.0.1:" + server.getAddress().getPort();
            x.getResponseHeaders().add("Link", "<" + origin + path + "?" + qs + ">; rel=\"next\"");
        }
        ArrayNode out = JSON.createArrayNode();
        all.subList(from, to).forEach(out::add);
        send(x, 200, JSON.writeValueAsBytes(out));
    }

    /** An issue in the shape GitHub's REST API gives it (the fields a client is likely to read). */
    private ObjectNode json(FakeIssue i) {
        String html = "https://github.com" + repoPath.substring(repoPath.indexOf("/repos/") + 6);
        ObjectNode o = JSON.createObjectNode().put("id", 1_000_000L + i.number).put("node_id", "I_kwDO" + i.number)
                .put("url", base + repoPath.substring(repoPath.indexOf("/repos/")) + "/issues/" + i.number)
                .put("html_url", html + (i.pullRequest ? "/pull/" : "/issues/") + i.number)
                .put("number", i.number).put("state", "open").put("title", i.title).put("body", i.body)
                .put("comments", i.comments.size()).put("created_at", "2026-11-01T10:00:00Z")
                .put("updated_at", "2026-11-02T10:00:00Z").put("author_association", "NONE");
        o.putObject("user").put("login", "reporter" + i.number).put("id", 5000 + i.number).put("type", "User");
        ArrayNode ls = o.putArray("labels");
        i.labels.forEach(l -> ls.add(labels.get(l)));
        if (i.pullRequest) {
            o.putObject("pull_request").put("url", base + "/pulls/" + i.number).putNull("merged_at");
        }
        return o;
    }

    private static ObjectNode label(String name, String color, String description) {
        return JSON.createObjectNode().put("id", Math.abs((long) name.hashCode())).put("node_id", "LA_" + name.hashCode())
                .put("name", name).put("color", color).put("default", false).put("description", description);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> q = new LinkedHashMap<>();
        if (query != null) {
            for (String kv : query.split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private static byte[] error(String message) throws IOException {
        return JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest"));
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(body);
        }
    }
}
