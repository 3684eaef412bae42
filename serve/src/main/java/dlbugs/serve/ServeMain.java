package dlbugs.serve;

import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Predictor;
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

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Command line entry point: loads a model bundle and serves it over HTTP until the JVM stops.
 * Exit codes: 0 serving, 1 the bundle cannot be loaded or the server cannot start, 2 bad usage.
 */
@Command(name = "dlbugs-serve", description = "Serves a dlbugs model bundle: POST /classify, GET /health.",
        sortOptions = false, usageHelpAutoWidth = true)
public final class ServeMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeMain.class);
    private static final String PREFIX = "dlbugs serve: ";

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

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private final PredictorLoader loader;
    private Javalin app;

    ServeMain(PredictorLoader loader) {
        this.loader = loader;
    }

    public static void main(String[] args) {
        int exitCode = commandLine(new ServeMain(BundlePredictor::load)).execute(args);
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
        Predictor predictor = load(config.bundle());
        app = start(ServeApp.create(predictor, config), config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "dlbugs-shutdown"));
        ModelInfo info = predictor.info();
        LOG.info(PREFIX + "model {} {} on http://{}:{}", info.name(), info.version(), config.host(), app.port());
        return 0;
    }

    /** @return the running app once {@link #call()} succeeded; for tests */
    Javalin app() {
        return app;
    }

    private ServeConfig config() {
        try {
            return ServeConfig.defaults().withMaxBodyBytes(maxBodyBytes).withEndpoint(host, port, bundle);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Predictor load(Path file) throws StartupException {
        try {
            return loader.load(file);
        } catch (Exception e) {
            String problem = String.valueOf(e.getMessage());
            throw new StartupException("cannot load model bundle: "
                    + (problem.contains(file.toString()) ? problem : file + ": " + problem));
        }
    }

    private static Javalin start(Javalin app, ServeConfig config) throws StartupException {
        try {
            return app.start();
        } catch (RuntimeException e) {
            throw new StartupException("cannot serve on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
    }

    private static int badUsage(ParameterException e, String[] args) {
        e.getCommandLine().getErr().println(PREFIX + e.getMessage() + " (see --help)");
        return CommandLine.ExitCode.USAGE;
    }

    private static int startupFailed(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println(PREFIX + (e instanceof StartupException ? e.getMessage() : "failed to start: " + e));
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** Turns a bundle path into a predictor; {@link BundlePredictor#load} outside tests. */
    @FunctionalInterface
    interface PredictorLoader {
        Predictor load(Path bundle) throws Exception;
    }

    /** Startup failed for a reason the message states in one line. */
    static final class StartupException extends Exception {
        StartupException(String message) {
            super(message);
        }
    }
}
