package dlbugs.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few REST endpoints triage uses, on one repository: list issues (every page), read one,
 * list and create labels, add labels to an issue ({@code POST}, which adds and never replaces),
 * list and create comments, read an issue's label events. It never sets an issue's whole label set
 * and never removes one.
 */
public final class GitHubApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_PAGE = 100;

    private final GitHubHttp http;
    private final RepoName repo;

    public GitHubApi(GitHubHttp http, RepoName repo) {
        this.http = http;
        this.repo = repo;
    }

    /** @return the repository this client works on */
    public RepoName repo() {
        return repo;
    }

    /** A page of issues and where the next one is. */
    public record Page(List<Issue> issues, Optional<URI> next) {
    }

    /** @return the first page of the issues the query selects, oldest first (pull requests included, marked) */
    public Page firstPage(IssueQuery q) throws IOException, InterruptedException {
        try {
            if (q.number() > 0) {
                return new Page(List.of(issue(http.get(repoPath("/issues/" + q.number())).body())), Optional.empty());
            }
            String query = "?state=" + q.state() + "&sort=created&direction=asc&per_page=" + PER_PAGE
                    + (q.since() == null ? "" : "&since=" + URLEncoder.encode(q.since().toString(), StandardCharsets.UTF_8));
            return page(http.get(repoPath("/issues" + query)));
        } catch (GitHubException e) {
            throw e.status() == 404 ? notFound(q) : e;
        }
    }

    /** GitHub answers 404 both for a repository that does not exist and for one the token may not see. */
    private GitHubException notFound(IssueQuery q) {
        String what = q.number() > 0 ? "no issue #" + q.number() + " in " + repo + ", or no such repository,"
                : "no such repository: " + repo;
        return new GitHubException(what + " at " + http.base() + " (GitHub answered 404; a private repository needs a "
                + GitHubToken.ENV + " that may read it)", 404);
    }

    /** @return the page a {@link Page#next()} link points at */
    public Page nextPage(URI next) throws IOException, InterruptedException {
        return page(http.get(next));
    }

    private static Page page(GitHubHttp.Response r) {
        List<Issue> issues = new ArrayList<>();
        r.body().forEach(n -> issues.add(issue(n)));
        return new Page(issues, r.next());
    }

    /** @return the names of every label the repository has */
    public List<String> labels() throws IOException, InterruptedException {
        return every(repoPath("/labels?per_page=" + PER_PAGE), n -> n.path("name").asText());
    }

    /** Reads every page of a list, keeping one value per item. */
    private <T> List<T> every(String path, java.util.function.Function<JsonNode, T> value)
            throws IOException, InterruptedException {
        List<T> all = new ArrayList<>();
        GitHubHttp.Response r = http.get(path);
        while (true) {
            r.body().forEach(n -> all.add(value.apply(n)));
            if (r.next().isEmpty()) {
                return all;
            }
            r = http.get(r.next().get());
        }
    }

    /** Creates a repository label; one that exists already (422, another run was first) is fine. */
    public void createLabel(String name, String color, String description) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("color", color).put("description", description);
        try {
            http.send("POST", repoPath("/labels"), body, true);
        } catch (GitHubException e) {
            if (e.status() != 422) {
                throw e;
            }
        }
    }

    /** Adds labels to an issue, keeping those it has. */
    public void addLabels(int issue, List<String> names) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        names.forEach(body.putArray("labels")::add);
        http.send("POST", repoPath("/issues/" + issue + "/labels"), body, true);
    }

    /** @return the bodies of every comment on an issue */
    public List<String> comments(int issue) throws IOException, InterruptedException {
        return every(repoPath("/issues/" + issue + "/comments?per_page=" + PER_PAGE), n -> n.path("body").asText(""));
    }

    /** Posts a comment once: a 5xx is not retried here, since the comment may have been made. */
    public void comment(int issue, String text) throws IOException, InterruptedException {
        http.send("POST", repoPath("/issues/" + issue + "/comments"), JSON.createObjectNode().put("body", text), false);
    }

    /** @return the labels put on and taken off an issue, oldest first (every page of its events) */
    public List<LabelEvent> labelEvents(int issue) throws IOException, InterruptedException {
        List<LabelEvent> all = new ArrayList<>();
        for (JsonNode e : every(repoPath("/issues/" + issue + "/events?per_page=" + PER_PAGE), n -> n)) {
            String kind = e.path("event").asText();
            if (kind.equals("labeled") || kind.equals("unlabeled")) {
                all.add(new LabelEvent(kind.equals("labeled"), e.path("label").path("name").asText(),
                        e.path("actor").path("login").asText(), "Bot".equals(e.path("actor").path("type").asText()),
                        java.time.Instant.parse(e.path("created_at").asText("1970-01-01T00:00:00Z"))));
            }
        }
        return all;
    }

    private String repoPath(String rest) {
        return "/repos/" + repo.owner() + "/" + repo.name() + rest;
    }

    /** Reads an issue in the REST API's shape (also the shape of a webhook's {@code issue} object). */
    public static Issue issue(JsonNode n) {
        List<String> labels = new ArrayList<>();
        n.path("labels").forEach(l -> labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        return new Issue(n.path("number").asInt(), n.path("title").asText(""), n.path("body").asText(""), labels,
                n.hasNonNull("pull_request"));
    }
}
