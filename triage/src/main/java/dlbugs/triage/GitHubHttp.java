package dlbugs.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls GitHub's REST API with the JDK's HTTP client and survives its limits: a primary or
 * secondary rate limit (403 or 429 with {@code Retry-After} or {@code X-RateLimit-Remaining: 0}
 * and {@code X-RateLimit-Reset}) is waited out while the run's total wait stays within
 * {@link Limits#maxWait()}, else {@link RateLimitedException}; a 5xx or a lost connection is
 * retried with a doubling backoff. The token is sent only to the configured API's host and never
 * appears in a message.
 */
public final class GitHubHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    /** GitHub's advice when a secondary limit gives no header: wait at least a minute. */
    private static final Duration SECONDARY_DEFAULT = Duration.ofMinutes(1);
    private static final int MAX_RATE_LIMIT_WAITS = 20;

    /** Waits; a test replaces it to record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * How long a run may wait.
     *
     * @param maxWait       most time spent waiting out rate limits over the whole run
     * @param serverRetries retries of a 5xx or a lost connection before giving up
     * @param firstBackoff  wait before the first such retry; doubled for each next one
     */
    public record Limits(Duration maxWait, int serverRetries, Duration firstBackoff) {
        public Limits {
            if (maxWait.isNegative() || serverRetries < 0 || firstBackoff.isNegative()) {
                throw new IllegalArgumentException("waits and retries must not be negative");
            }
        }

        /** @return 15 minutes of rate-limit waits, 3 retries from 1 s */
        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(15), 3, Duration.ofSeconds(1));
        }
    }

    /**
     * One answer.
     *
     * @param status HTTP status
     * @param body   its JSON, or a missing node if it had none
     * @param next   the next page ({@code Link: rel="next"}), if any
     */
    public record Response(int status, JsonNode body, Optional<URI> next) {
    }

    private final HttpClient http;
    private final String base;
    private final Optional<GitHubToken> token;
    private final Limits limits;
    private final Sleeper sleeper;
    private final Clock clock;
    private Duration waited = Duration.ZERO;

    /**
     * @param api   the API's root, {@code https://api.github.com} or {@code https://HOST/api/v3}
     * @param token sent as a bearer token; empty for anonymous calls
     */
    public GitHubHttp(HttpClient http, URI api, Optional<GitHubToken> token, Limits limits, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.base = api.toString().replaceAll("/+$", "");
        this.token = token;
        this.limits = limits;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** @return the API's root, as configured */
    public String base() {
        return base;
    }

    /** GETs a path under the API's root, e.g. {@code /repos/o/r/issues?state=open}. */
    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", URI.create(base + path), null, true);
    }

    /** GETs a page link GitHub gave; refuses one outside the API's root, where the token must not go. */
    public Response get(URI page) throws IOException, InterruptedException {
        if (!page.toString().startsWith(base + "/")) {
            throw new GitHubException("GitHub's next-page link " + page + " leaves " + base + "; not followed", 0);
        }
        return send("GET", page, null, true);
    }

    /**
     * @param retryServerErrors false for a call that must not be repeated blindly (a comment):
     *                          a 5xx is then thrown at once for the caller to check what happened
     */
    public Response send(String method, String path, JsonNode body, boolean retryServerErrors)
            throws IOException, InterruptedException {
        return send(method, URI.create(base + path), body, retryServerErrors);
    }

    private Response send(String method, URI uri, JsonNode body, boolean retryServerErrors)
            throws IOException, InterruptedException {
        String what = method + " " + uri.getRawPath();
        int serverFailures = 0;
        int rateWaits = 0;
        while (true) {
            HttpResponse<byte[]> r;
            try {
                r = http.send(request(method, uri, body), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!retryServerErrors || serverFailures >= limits.serverRetries()) {
                    throw new GitHubException("cannot reach " + base + ": " + redact(unreachable(e)) + " (" + what + ")", 0);
                }
                sleeper.sleep(limits.firstBackoff().multipliedBy(1L << serverFailures++));
                continue;
            }
            int status = r.statusCode();
            JsonNode json = parse(r.body());
            if (status < 300) {
                return new Response(status, json, next(r.headers()));
            }
            Optional<Duration> rateWait = rateLimitWait(status, r.headers(), json, rateWaits);
            if (rateWait.isPresent()) {
                waitOut(rateWait.get(), what, status, ++rateWaits);
                continue;
            }
            if (status >= 500 && retryServerErrors && serverFailures < limits.serverRetries()) {
                sleeper.sleep(limits.firstBackoff().multipliedBy(1L << serverFailures++));
                continue;
            }
            throw refused(status, json, what);
        }
    }

    private HttpRequest request(String method, URI uri, JsonNode body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "dlbugs-triage");
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t.value()));
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    /** How long GitHub asks to wait, if this answer is a rate limit rather than a refusal. */
    private Optional<Duration> rateLimitWait(int status, HttpHeaders h, JsonNode json, int waitsSoFar) {
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = h.firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            return Optional.of(Duration.ofSeconds(parseSeconds(retryAfter.get())));
        }
        if (h.firstValue("X-RateLimit-Remaining").map("0"::equals).orElse(false)) {
            long reset = h.firstValue("X-RateLimit-Reset").map(GitHubHttp::parseSeconds).orElse(0L);
            long seconds = Math.max(1, reset - clock.instant().getEpochSecond() + 1);
            return Optional.of(Duration.ofSeconds(seconds));
        }
        boolean secondary = status == 429 || json.path("message").asText("").toLowerCase().contains("rate limit");
        return secondary ? Optional.of(SECONDARY_DEFAULT.multipliedBy(1L << Math.min(waitsSoFar, 5))) : Optional.empty();
    }

    private void waitOut(Duration wait, String what, int status, int waits) throws RateLimitedException, InterruptedException {
        Duration total = waited.plus(wait);
        if (total.compareTo(limits.maxWait()) > 0 || waits > MAX_RATE_LIMIT_WAITS) {
            throw new RateLimitedException("GitHub's rate limit (" + status + " on " + what + ") asks to wait "
                    + wait.toSeconds() + " s (until " + clock.instant().plus(wait).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "), beyond the "
                    + limits.maxWait().toSeconds() + " s this run may wait (" + waited.toSeconds() + " s waited so far)",
                    status);
        }
        waited = total;
        sleeper.sleep(wait);
    }

    /** @return the time this run has spent waiting out rate limits */
    public Duration waited() {
        return waited;
    }

    /** Why a call got no answer, in words: the JDK's exceptions often carry no message of their own. */
    static String unreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.net.ConnectException) {
                // The JDK's client gives a refused connection no message at all (a timeout has its own type).
                return firstMessage(t).map(m -> m.toLowerCase(java.util.Locale.ROOT)).orElse("connection refused");
            }
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS failed" + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
        }
        return firstMessage(e).orElse("the connection failed");
    }

    private static Optional<String> firstMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return Optional.of(t.getMessage());
            }
        }
        return Optional.empty();
    }

    private GitHubException refused(int status, JsonNode json, String what) {
        String message = redact(json.path("message").asText(""));
        if (status == 401) {
            return new GitHubException("GitHub refused the token (401" + (message.isEmpty() ? "" : " " + message)
                    + ") on " + what + "; check " + GitHubToken.ENV, status);
        }
        return new GitHubException("GitHub answered " + status + " to " + what
                + (message.isEmpty() ? "" : ": " + message), status);
    }

    private String redact(String text) {
        return token.map(t -> t.redact(text)).orElse(text);
    }

    private static long parseSeconds(String v) {
        try {
            return Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static Optional<URI> next(HttpHeaders h) {
        for (String link : h.allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return Optional.of(URI.create(m.group(1)));
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
