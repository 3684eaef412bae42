package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.taxonomy.Head;
import dlbugs.serve.api.ErrorResponse;
import dlbugs.serve.api.HealthResponse;
import io.javalin.http.Context;

import java.util.function.BooleanSupplier;

/**
 * What the service says about itself: {@code GET /model}, {@code GET /taxonomy} and the health
 * checks. Liveness only says the process answers; readiness says it has a model and is not
 * shutting down, so a load balancer stops sending work before the server stops.
 */
final class ModelController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelHost host;
    private final BooleanSupplier stopping;

    /** @param stopping true once a graceful shutdown has begun */
    ModelController(ModelHost host, BooleanSupplier stopping) {
        this.host = host;
        this.stopping = stopping;
    }

    /** Name, version, label sets with definitions, provenance, evaluation figures, calibration. */
    void model(Context ctx) {
        LoadedModel m = host.model();
        ObjectNode body = JSON.createObjectNode().put("name", m.info().name()).put("version", m.info().version());
        body.setAll(m.details());
        body.set("heads", heads(m.info()));
        ctx.json(body);
    }

    /** The label sets with their definitions. */
    void taxonomy(Context ctx) {
        ModelInfo info = host.model().info();
        ObjectNode body = JSON.createObjectNode();
        body.putObject("model").put("name", info.name()).put("version", info.version());
        body.set("heads", heads(info));
        ctx.json(body);
    }

    void health(Context ctx) {
        ModelInfo info = host.model().info();
        ctx.json(new HealthResponse("ok", info.name(), info.version()));
    }

    void live(Context ctx) {
        ctx.json(JSON.createObjectNode().put("status", "live"));
    }

    void ready(Context ctx) {
        if (stopping.getAsBoolean()) {
            ctx.status(503).json(new ErrorResponse("not_ready", "the service is shutting down"));
            return;
        }
        ModelInfo info = host.model().info();
        ctx.json(new HealthResponse("ready", info.name(), info.version()));
    }

    private static ArrayNode heads(ModelInfo info) {
        ArrayNode heads = JSON.createArrayNode();
        for (Head h : info.heads()) {
            ObjectNode hn = heads.addObject().put("name", h.name()).put("title", h.title());
            ArrayNode labels = hn.putArray("labels");
            h.labels().forEach(l -> labels.addObject().put("label", l).put("definition", h.definitions().getOrDefault(l, "")));
        }
        return heads;
    }
}
