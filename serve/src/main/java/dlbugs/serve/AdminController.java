package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /admin/reload}: loads the bundle again from the path the server was started with
 * (never a path from the request) and swaps it in. Guarded by a bearer token taken from the
 * environment; without one, admin endpoints are disabled.
 */
final class AdminController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelHost host;
    private final String token;
    private final ServeMetrics metrics;

    /** @param token the admin token, or null to disable admin endpoints */
    AdminController(ModelHost host, String token, ServeMetrics metrics) {
        this.host = host;
        this.token = token == null || token.isBlank() ? null : token;
        this.metrics = metrics;
    }

    void reload(Context ctx) {
        authorize(ctx.header("Authorization"));
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

    private void authorize(String header) {
        if (token == null) {
            throw new RefusedException(403, "admin_disabled",
                    "admin endpoints are disabled; start the server with DLBUGS_ADMIN_TOKEN set");
        }
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new RefusedException(401, "unauthorized", "send the admin token as 'Authorization: Bearer <token>'",
                    "Bearer realm=\"dlbugs admin\"");
        }
    }
}
