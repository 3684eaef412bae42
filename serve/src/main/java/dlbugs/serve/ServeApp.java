package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.GitHubCorrections;
import dlbugs.model.predict.Predictor;
import dlbugs.triage.GitHubHttp;
import dlbugs.triage.IssueTriage;
import dlbugs.triage.WebhookSignature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds the dlbugs HTTP service around a model: the routes (declared once, as data, and
 * documented by {@code /openapi.json}), the error mapping, the metrics and the graceful stop.
 */
public final class ServeApp {

    /** Javalin's own defaults; set here because the controllers resume requests on this pool. */
    private static final int MAX_HTTP_THREADS = 250;
    private static final int MIN_HTTP_THREADS = 8;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final String STARTED_AT = "dlbugs.startedAt";
    /** The page and the API document, read from the jar once rather than on every request. */
    private static final String PAGE = resource("/web/index.html");
    private static final String OPEN_API = resource("/openapi.json");
    /** Why the corrections endpoints answer 503 in a service built without a store. */
    static final String NO_CORRECTIONS = "this service was built without a corrections store";

    /** A route: method and path. */
    public record Route(String method, String path) {
    }

    private record Binding(HandlerType method, String path, Handler handler) {
        Route route() {
            return new Route(method.name(), path);
        }
    }

    /**
     * A built service and how to stop it gracefully.
     *
     * @param app      the Javalin app; {@code start()} binds the configured host and port
     * @param stopping set once a graceful stop began (readiness then answers 503)
     * @param metrics  the service's metrics
     */
    public record Service(Javalin app, AtomicBoolean stopping, ServeMetrics metrics) {

        /**
         * Stops taking new work gracefully: readiness turns 503, requests in flight are
         * answered (up to {@code timeout}), then the server stops and the inference queue
         * finishes what it holds.
         */
        public void stopGracefully(Duration timeout) {
            stopping.set(true);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (metrics.inFlight() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            app.stop();
        }
    }

    private ServeApp() {
    }

    /** As {@link #build} for a single predictor that cannot be reloaded; returns the app. */
    public static Javalin create(Predictor predictor, ServeConfig config) {
        return build(new LoadedModel(List.of(predictor), new ObjectMapper().createObjectNode()), null, config).app();
    }

    /**
     * Builds, but does not start, the service.
     *
     * @param initial the model to serve first
     * @param source  where {@code POST /admin/reload} loads the model from; null to disable reloading
     * @param config  host, port, limits and admin token
     */
    public static Service build(LoadedModel initial, ModelSource source, ServeConfig config) {
        return build(initial, source, config, WebhookConfig.disabled());
    }

    /**
     * Builds, but does not start, the service with its GitHub webhook.
     *
     * @param webhook the webhook's secret, token and settings; {@link WebhookConfig#disabled()} turns it off
     */
    public static Service build(LoadedModel initial, ModelSource source, ServeConfig config, WebhookConfig webhook) {
        return build(initial, source, config, webhook, CorrectionStores.none(NO_CORRECTIONS));
    }

    /**
     * Builds, but does not start, the service with its GitHub webhook and its corrections store.
     *
     * @param corrections where {@code POST /corrections} records; closed when the service stops
     */
    public static Service build(LoadedModel initial, ModelSource source, ServeConfig config, WebhookConfig webhook,
                                CorrectionStore corrections) {
        AtomicBoolean stopping = new AtomicBoolean();
        ModelHost[] host = new ModelHost[1];
        ServeMetrics metrics = new ServeMetrics(() -> host[0] == null ? 0 : host[0].depth());
        host[0] = new ModelHost(initial, source, config.queueCapacity(), config.maxBatch(),
                m -> metrics.serving(m.info().name(), m.info().version()), metrics::batch);
        QueuedThreadPool http = new QueuedThreadPool(MAX_HTTP_THREADS, MIN_HTTP_THREADS, IDLE_TIMEOUT_MILLIS);
        http.setName("dlbugs-http");
        WebhookQueue webhookQueue = webhook.enabled() ? new WebhookQueue(new IssueTriage(github(webhook),
                new HostPredictor(host[0]), webhook.scheme(), webhook.comment(), webhook.apply(), webhook.botLogin()),
                webhook.queueCapacity(), metrics::webhookTriaged, new GitHubCorrections(corrections,
                () -> host[0].model().info().version(), metrics::corrected)) : null;
        GitHubWebhookController github = new GitHubWebhookController(webhook.enabled()
                ? new WebhookSignature(webhook.secret()) : null, webhookQueue, webhook.botLogin(), webhook.scheme(), metrics);
        AdminToken admin = new AdminToken(config.adminToken());
        List<Binding> bindings = bindings(new ClassifyController(host[0], http, config.maxBatchItems()),
                new ModelController(host[0], stopping::get), new AdminController(host[0], admin, metrics),
                github, new CorrectionsController(corrections, admin, metrics), metrics);
        List<String> paths = bindings.stream().map(Binding::path).toList();
        ErrorMapping errors = new ErrorMapping(config.maxBodyBytes());
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.jetty.threadPool = http;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            cfg.events.serverStopping(() -> {
                if (webhookQueue != null) {
                    webhookQueue.close();
                }
                host[0].close();
                corrections.close();
            });
            cfg.routes.before(ctx -> {
                ctx.attribute(STARTED_AT, System.nanoTime());
                metrics.started();
            });
            cfg.requestLogger.http((ctx, ms) -> finished(ctx, metrics, paths));
            bindings.forEach(b -> cfg.routes.addEndpoint(new Endpoint(b.method(), b.path(), b.handler())));
            errors.register(cfg);
        });
        return new Service(app, stopping, metrics);
    }

    /** @return every route the service answers, as the OpenAPI document must list them */
    public static List<Route> routes() {
        return bindings(null, null, null, null, null, null).stream().map(Binding::route).toList();
    }

    private static List<Binding> bindings(ClassifyController classify, ModelController model, AdminController admin,
                                          GitHubWebhookController github, CorrectionsController corrections,
                                          ServeMetrics metrics) {
        return List.of(
                new Binding(HandlerType.GET, "/", ServeApp::page),
                new Binding(HandlerType.HEAD, "/", ServeApp::page),
                new Binding(HandlerType.POST, "/classify", ctx -> classify.classify(ctx)),
                new Binding(HandlerType.POST, "/classify/batch", ctx -> classify.batch(ctx)),
                new Binding(HandlerType.GET, "/model", ctx -> model.model(ctx)),
                new Binding(HandlerType.GET, "/taxonomy", ctx -> model.taxonomy(ctx)),
                new Binding(HandlerType.GET, "/health", ctx -> model.health(ctx)),
                new Binding(HandlerType.GET, "/health/live", ctx -> model.live(ctx)),
                new Binding(HandlerType.GET, "/health/ready", ctx -> model.ready(ctx)),
                new Binding(HandlerType.GET, "/metrics",
                        ctx -> ctx.contentType(ServeMetrics.CONTENT_TYPE).result(metrics.scrape())),
                new Binding(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(OPEN_API)),
                new Binding(HandlerType.POST, "/admin/reload", ctx -> admin.reload(ctx)),
                new Binding(HandlerType.POST, "/github/webhook", ctx -> github.receive(ctx)),
                new Binding(HandlerType.POST, "/corrections", ctx -> corrections.record(ctx)),
                new Binding(HandlerType.GET, "/corrections", ctx -> corrections.list(ctx)),
                new Binding(HandlerType.GET, "/corrections/{id}", ctx -> corrections.show(ctx)),
                new Binding(HandlerType.POST, "/corrections/{id}/accept", ctx -> corrections.accept(ctx)),
                new Binding(HandlerType.POST, "/corrections/{id}/reject", ctx -> corrections.reject(ctx)));
    }

    /** The webhook's GitHub client: the server's calls wait out rate limits for at most 5 minutes. */
    private static GitHubHttp github(WebhookConfig webhook) {
        return new GitHubHttp(java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build(),
                webhook.apiUrl(), webhook.token(),
                new GitHubHttp.Limits(Duration.ofMinutes(5), 3, Duration.ofSeconds(1)), d -> Thread.sleep(d.toMillis()),
                java.time.Clock.systemUTC());
    }

    private static void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(PAGE);
    }

    private static void finished(Context ctx, ServeMetrics metrics, List<String> paths) {
        Long t0 = ctx.attribute(STARTED_AT);
        String route;
        try {
            route = paths.contains(ctx.endpoint().path) ? ctx.endpoint().path : "unmatched";
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        // A wrong method on a route (405) matched no handler, but its path is the route's own.
        if (route.equals("unmatched") && paths.contains(ctx.path())) {
            route = ctx.path();
        }
        double seconds = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
        metrics.finished(route, ctx.method().name(), ctx.statusCode(), seconds, t0 != null);
    }

    /** @return the OpenAPI document shipped in the jar */
    static String openApi() {
        return OPEN_API;
    }

    /** @return a text resource shipped in the jar */
    static String resource(String path) {
        try (InputStream in = ServeApp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
