package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * {@code POST /admin/reload}: loads the bundle again from the path the server was started with
 * (never a path from the request) and swaps it in. Guarded by the {@link AdminToken}.
 */
final class AdminController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelHost host;
    private final AdminToken token;
    private final ServeMetrics metrics;

    AdminController(ModelHost host, AdminToken token, ServeMetrics metrics) {
        this.host = host;
        this.token = token;
        this.metrics = metrics;
    }

    void reload(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        String previous = host.model().info().version();
        LoadedModel now;
        try {
            now = host.reload();
        } catch (ReloadException e) {
            metrics.reloaded(false);
            throw e;
        }
        metrics.reloaded(true);
        ObjectNode body = JSON.createObjectNode().put("status", "reloaded");
        body.putObject("model").put("name", now.info().name()).put("version", now.info().version());
        body.put("previous_version", previous);
        ctx.json(body);
    }
}
