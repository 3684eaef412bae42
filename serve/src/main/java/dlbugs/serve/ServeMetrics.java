package dlbugs.serve;

import dlbugs.corrections.Origin;
import dlbugs.model.taxonomy.Taxonomy;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * The service's Prometheus metrics, in a registry of its own (never the global one): requests
 * by route, method and status; latency per route; requests in flight; inference queue depth;
 * the sizes of the batches the inference workers form; the model serving; reloads by outcome; GitHub
 * webhook deliveries by event and outcome, and the issues its worker triaged by outcome; corrections
 * recorded by origin and head.
 */
public final class ServeMetrics {

    /** Prometheus text exposition format 0.0.4. */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("dlbugs_http_requests_total")
            .help("HTTP requests answered, by route, method and status").labelNames("route", "method", "status")
            .register(registry);
    private final Histogram latency = Histogram.builder().name("dlbugs_http_request_duration_seconds")
            .help("Time from request to response, by route").labelNames("route").classicOnly()
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .register(registry);
    private final Histogram batchSize = Histogram.builder().name("dlbugs_inference_batch_size")
            .help("Reports per model call, as the inference workers formed the batches from what waited").classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64).register(registry);
    private final Gauge inFlight = Gauge.builder().name("dlbugs_http_requests_in_flight")
            .help("Requests received and not yet answered").register(registry);
    private final Info model = Info.builder().name("dlbugs_model_info")
            .help("The model serving now").labelNames("name", "version").register(registry);
    /** Outcomes of a reload; each counter exists from start, at 0, so a dashboard sees it before the first reload. */
    private static final String RELOAD_OK = "ok";
    private static final String RELOAD_REFUSED = "refused";
    private final Counter reloads = Counter.builder().name("dlbugs_model_reloads_total")
            .help("Model reloads, by outcome").labelNames("outcome").register(registry);
    private final Counter deliveries = Counter.builder().name("dlbugs_github_webhook_deliveries_total")
            .help("GitHub webhook deliveries, by event and outcome (queued, ignored, duplicate, invalid_signature, invalid, overloaded)")
            .labelNames("event", "outcome").register(registry);
    private final Counter triaged = Counter.builder().name("dlbugs_github_triage_total")
            .help("Issues the webhook's worker triaged, by outcome (applied, dry_run, failed)").labelNames("outcome")
            .register(registry);
    private final Counter corrections = Counter.builder().name("dlbugs_corrections_total")
            .help("Corrections recorded (repeats not counted), by origin (page, api, cli, github) and head")
            .labelNames("origin", "head").register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /** @param queueDepth reports waiting for inference, read at each scrape */
    ServeMetrics(IntSupplier queueDepth) {
        GaugeWithCallback.builder().name("dlbugs_inference_queue_depth").help("Reports waiting for inference")
                .callback(cb -> cb.call(queueDepth.getAsInt())).register(registry);
        reloads.initLabelValues(RELOAD_OK);
        reloads.initLabelValues(RELOAD_REFUSED);
        // The webhook's usual series exist from start too, at 0, so an alert on them works before the first delivery.
        for (String outcome : new String[]{"queued", "ignored", "duplicate", "invalid", "overloaded"}) {
            deliveries.initLabelValues("issues", outcome);
        }
        deliveries.initLabelValues("unverified", "invalid_signature");
        for (String outcome : new String[]{"applied", "dry_run", "failed"}) {
            triaged.initLabelValues(outcome);
        }
        for (String origin : Origin.labels()) {
            Taxonomy.islam2019().heads().forEach(h -> corrections.initLabelValues(origin, h.name()));
        }
    }

    void started() {
        inFlight.inc();
    }

    /**
     * Counts a finished request; {@code route} is the matched path pattern, never the raw path.
     *
     * @param started true if {@link #started()} was called for it
     */
    void finished(String route, String method, int status, double seconds, boolean started) {
        if (started) {
            inFlight.dec();
        }
        requests.labelValues(route, method, String.valueOf(status)).inc();
        latency.labelValues(route).observe(seconds);
    }

    /** @return requests received and not yet answered */
    long inFlight() {
        return (long) inFlight.get();
    }

    void batch(int size) {
        batchSize.observe(size);
    }

    void serving(String name, String version) {
        model.setLabelValues(name, version);
    }

    void reloaded(boolean ok) {
        reloads.labelValues(ok ? RELOAD_OK : RELOAD_REFUSED).inc();
    }

    void webhookDelivery(String event, String outcome) {
        deliveries.labelValues(event, outcome).inc();
    }

    void webhookTriaged(String outcome) {
        triaged.labelValues(outcome).inc();
    }

    void corrected(String origin, String head) {
        corrections.labelValues(origin, head).inc();
    }

    /** @return every metric in Prometheus' text format */
    String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
