package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.predict.Predictor;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the dlbugs HTTP app around a predictor. The app owns one {@link InferenceQueue}, which
 * it closes (after finishing queued work) when the server stops.
 */
public final class ServeApp {

    /** Javalin's own defaults; set here because the controller resumes requests on this pool. */
    private static final int MAX_HTTP_THREADS = 250;
    private static final int MIN_HTTP_THREADS = 8;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private ServeApp() {
    }

    /**
     * Builds, but does not start, the app.
     *
     * @param predictor the model to serve; only the inference worker thread calls it
     * @param config    host, port and limits
     * @return the configured app; {@code start()} binds {@code config.host():config.port()}
     */
    public static Javalin create(Predictor predictor, ServeConfig config) {
        InferenceQueue queue = new InferenceQueue(predictor, config.queueCapacity(), config.maxBatch());
        QueuedThreadPool http = new QueuedThreadPool(MAX_HTTP_THREADS, MIN_HTTP_THREADS, IDLE_TIMEOUT_MILLIS);
        http.setName("dlbugs-http");
        ClassifyController controller = new ClassifyController(queue, predictor.info(), http);
        ErrorMapping errors = new ErrorMapping(config.maxBodyBytes());
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.jetty.threadPool = http;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            cfg.events.serverStopping(queue::close);
            routes(cfg.routes, controller);
            errors.register(cfg);
        });
    }

    private static void routes(RoutesConfig routes, ClassifyController controller) {
        routes.post("/classify", controller::classify);
        routes.get("/health", controller::health);
    }
}
