package dlbugs.serve;

import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.StoreLocation;
import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.predict.ModelInfo;
import dlbugs.triage.GitHubToken;
import dlbugs.triage.LabelScheme;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Command line entry point: loads a model bundle and serves it over HTTP until the JVM stops.
 * Exit codes, as the CLI's: 0 serving, 2 bad usage, 65 the bundle is missing or not a bundle,
 * 74 the bundle cannot be read, 69 the address cannot be bound (the port is in use), 1 anything else.
 */
@Command(name = "dlbugs serve", description = {"Serves a dlbugs model bundle over HTTP (POST /classify, /classify/batch; GET /model, /taxonomy, "
                + "/health/live, /health/ready, /metrics, /openapi.json; POST /admin/reload, /github/webhook; /corrections).",
                "The admin token is read from the environment variable DLBUGS_ADMIN_TOKEN; without it admin endpoints are disabled.",
                "POST /github/webhook is on when DLBUGS_GITHUB_WEBHOOK_SECRET is set; it labels issues with GITHUB_TOKEN "
                        + "only with --github-apply.",
                "POST /corrections records people's corrections (GET /corrections and reviews need the admin token)."},
        sortOptions = false, usageHelpAutoWidth = true)
public final class ServeMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeMain.class);
    private static final String PREFIX = "dlbugs serve: ";
    /** Exit code when the bundle is missing or not a bundle (as the CLI's). */
    static final int EXIT_BAD_BUNDLE = 65;
    /** Exit code when the bundle cannot be read (as the CLI's). */
    static final int EXIT_UNREADABLE = 74;
    /** Exit code when the address cannot be bound, e.g. the port is in use. */
    static final int EXIT_CANNOT_BIND = 69;

    @Option(names = "--host", paramLabel = "HOST",
            defaultValue = "${env:DLBUGS_HOST:-" + ServeConfig.DEFAULT_HOST + "}",
            description = "Interface to bind (env DLBUGS_HOST; default ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            defaultValue = "${env:DLBUGS_PORT:-" + ServeConfig.DEFAULT_PORT + "}",
            description = "TCP port, 0 for any free one (env DLBUGS_PORT; default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bundle", paramLabel = "FILE",
            defaultValue = "${env:DLBUGS_BUNDLE:-" + ServeConfig.DEFAULT_BUNDLE + "}",
            description = "Model bundle to serve (env DLBUGS_BUNDLE; default ${DEFAULT-VALUE}).")
    private Path bundle;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "" + ServeConfig.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted (default ${DEFAULT-VALUE}).")
    private long maxBodyBytes;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "${env:DLBUGS_REPLICAS:-0}",
            description = "Model replicas, one inference thread each (env DLBUGS_REPLICAS; default: one per core).")
    private int replicas;

    @Option(names = "--queue-capacity", paramLabel = "N", defaultValue = "" + ServeConfig.DEFAULT_QUEUE_CAPACITY,
            description = "Reports that may wait for inference before requests get 503 (default ${DEFAULT-VALUE}).")
    private int queueCapacity;

    @Option(names = "--max-batch-items", paramLabel = "N",
            description = "Most instances in one POST /classify/batch, at most --queue-capacity (default "
                    + ServeConfig.DEFAULT_MAX_BATCH_ITEMS + ", or --queue-capacity if that is smaller).")
    private Integer maxBatchItems;

    @Option(names = "--github-apply", description = "Let POST /github/webhook label issues on GitHub (needs GITHUB_TOKEN); "
            + "without it the webhook only logs its plans.")
    private boolean githubApply;

    @Option(names = "--github-comment", description = "With the webhook, post one comment per labelled issue.")
    private boolean githubComment;

    @Option(names = "--github-api-url", paramLabel = "URL", defaultValue = "${env:GITHUB_API_URL:-https://api.github.com}",
            description = "GitHub's REST API for the webhook (env GITHUB_API_URL; default ${DEFAULT-VALUE}).")
    private URI githubApiUrl;

    @Option(names = "--github-bot-login", paramLabel = "LOGIN", defaultValue = "${env:DLBUGS_GITHUB_BOT_LOGIN}",
            description = "The login GITHUB_TOKEN acts as; the webhook ignores its events (and every Bot's).")
    private String githubBotLogin;

    @Option(names = "--corrections", paramLabel = "FILE|URL",
            description = "Where POST /corrections records: an SQLite file, created on first use, or a "
                    + "jdbc:postgresql:// URL, its password in DLBUGS_CORRECTIONS_PASSWORD (env DLBUGS_CORRECTIONS; default "
                    + StoreLocation.DEFAULT + ").")
    private String corrections;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    /** How long a graceful stop waits for requests in flight. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final SourceFactory sources;
    private final Map<String, String> env;
    private ServeApp.Service service;

    ServeMain(SourceFactory sources, Map<String, String> env) {
        this.sources = sources;
        this.env = env;
    }

    public static void main(String[] args) {
        int exitCode = commandLine(new ServeMain(BundleModelSource::new, System.getenv())).execute(args);
        // On success Jetty's threads keep the JVM serving; exiting here would stop the server.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Builds the command with this project's one-line error reporting. */
    static CommandLine commandLine(ServeMain main) {
        return new CommandLine(main)
                .setParameterExceptionHandler(ServeMain::badUsage)
                .setExecutionExceptionHandler(ServeMain::startupFailed);
    }

    @Override
    public Integer call() throws StartupException {
        ServeConfig config = config();
        ModelSource source = sources.create(config.bundle(), config.replicas());
        LoadedModel model = load(source, config.bundle());
        WebhookConfig webhook = webhook();
        StoreLocation store = store();
        service = ServeApp.build(model, source, config, webhook, CorrectionStores.open(store, CorrectionStores.DEFAULT_BUSY_MILLIS));
        start(service.app(), config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> service.stopGracefully(DRAIN_TIMEOUT), "dlbugs-shutdown"));
        ModelInfo info = model.info();
        LOG.info(PREFIX + "model {} {} ({} replica{}) on http://{}:{}; admin endpoints {}; GitHub webhook {}; corrections in {}",
                info.name(), info.version(), config.replicas(), config.replicas() == 1 ? "" : "s", config.host(),
                service.app().port(), config.adminToken() == null ? "disabled" : "enabled",
                !webhook.enabled() ? "off" : webhook.apply() ? "applying labels" : "on (dry run)", store);
        return 0;
    }

    /** @return the running service once {@link #call()} succeeded; for tests */
    ServeApp.Service service() {
        return service;
    }

    private ServeConfig config() {
        try {
            int n = replicas > 0 ? replicas : Runtime.getRuntime().availableProcessors();
            // A batch request waits in the queue whole, so it can hold no more reports than the queue.
            if (maxBatchItems != null && queueCapacity > 0 && maxBatchItems > queueCapacity) {
                throw new IllegalArgumentException("--max-batch-items " + maxBatchItems + " is more than --queue-capacity "
                        + queueCapacity + " (a batch waits in the queue whole): lower the one or raise the other");
            }
            int batchItems = maxBatchItems != null ? maxBatchItems : Math.min(ServeConfig.DEFAULT_MAX_BATCH_ITEMS, Math.max(1, queueCapacity));
            return ServeConfig.defaults().withMaxBodyBytes(maxBodyBytes).withEndpoint(host, port, bundle)
                    .withServing(batchItems, n, env.get("DLBUGS_ADMIN_TOKEN"))
                    .withQueue(queueCapacity, ServeConfig.DEFAULT_MAX_BATCH);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private StoreLocation store() {
        try {
            return StoreLocation.parse(corrections, env::get);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--corrections: " + e.getMessage());
        }
    }

    private WebhookConfig webhook() {
        try {
            return new WebhookConfig(env.get(WebhookConfig.SECRET_ENV), githubApiUrl,
                    GitHubToken.fromEnvironment(env::get), githubApply, githubComment, githubBotLogin,
                    LabelScheme.defaults(), WebhookConfig.DEFAULT_QUEUE_CAPACITY);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static LoadedModel load(ModelSource source, Path file) throws StartupException {
        try {
            return source.load();
        } catch (Exception e) {
            String problem = e.getMessage() == null ? "unreadable" : e.getMessage();
            throw new StartupException("cannot load model bundle: "
                    + (problem.contains(file.toString()) ? problem : file + ": " + problem),
                    e instanceof BundleFormatException ? EXIT_BAD_BUNDLE : e instanceof IOException ? EXIT_UNREADABLE
                            : CommandLine.ExitCode.SOFTWARE);
        }
    }

    private static Javalin start(Javalin app, ServeConfig config) throws StartupException {
        try {
            return app.start();
        } catch (RuntimeException e) {
            String where = config.host() + ":" + config.port();
            if (causedBy(e, BindException.class)) {
                throw new StartupException("cannot serve on " + where + ": the address is in use (another dlbugs?); "
                        + "stop what holds it or pick another --port", EXIT_CANNOT_BIND);
            }
            throw new StartupException("cannot serve on " + where + ": "
                    + (e.getMessage() == null ? "the server did not start" : e.getMessage()), CommandLine.ExitCode.SOFTWARE);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int badUsage(ParameterException e, String[] args) {
        e.getCommandLine().getErr().println(PREFIX + e.getMessage() + " (see --help)");
        return CommandLine.ExitCode.USAGE;
    }

    private static int startupFailed(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof StartupException startup) {
            cmd.getErr().println(PREFIX + startup.getMessage());
            return startup.exitCode;
        }
        LOG.error("unexpected failure starting the service", e);
        cmd.getErr().println(PREFIX + "failed to start" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** Makes the model source for a bundle path; {@link BundleModelSource} outside tests. */
    @FunctionalInterface
    interface SourceFactory {
        ModelSource create(Path bundle, int replicas);
    }

    /** Startup failed for a reason the message states in one line. */
    static final class StartupException extends Exception {
        final int exitCode;

        StartupException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
