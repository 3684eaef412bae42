package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.corrections.CorrectionsUnavailableException;
import dlbugs.corrections.NoSuchCorrectionException;
import dlbugs.model.api.RequestException;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.serve.api.ErrorResponse;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place where failures become HTTP responses. Every error body is an
 * {@link ErrorResponse} {@code {"error": code, "message": text}}; handlers throw and never catch.
 * Anything unforeseen becomes a logged 500 whose message reveals nothing of the server.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_USABLE_CONTENT = "no_usable_content";
    static final String INTERNAL_ERROR = "internal_error";
    static final String INTERNAL_MESSAGE = "the server failed to handle this request; the error is logged";
    private static final String RETRY_AFTER_SECONDS = "1";
    /** A database that is down or locked is not back within a second; clients need not hammer it. */
    private static final String CORRECTIONS_RETRY_AFTER_SECONDS = "5";

    static final String CORRECTIONS_UNAVAILABLE = "corrections_unavailable";

    private final long maxBodyBytes;
    /** The last unavailable store's reason logged, so a database that stays down is logged once, not per request. */
    private final AtomicReference<String> lastUnavailable = new AtomicReference<>();

    ErrorMapping(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Registers every exception mapping on the app being configured. */
    void register(JavalinConfig config) {
        RoutesConfig routes = config.routes;
        routes.exception(RequestException.class, (e, ctx) -> respond(ctx, 400, e.code(), e.getMessage()));
        routes.exception(NoUsableContentException.class,
                (e, ctx) -> respond(ctx, 422, NO_USABLE_CONTENT, e.getMessage()));
        routes.exception(ReloadException.class, (e, ctx) -> respond(ctx, 409, "reload_refused", e.getMessage()));
        routes.exception(RefusedException.class, (e, ctx) -> {
            if (e.challenge != null) {
                ctx.header("WWW-Authenticate", e.challenge);
            }
            respond(ctx, e.status, e.code, e.getMessage());
        });
        routes.exception(OverloadedException.class, (e, ctx) -> {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            respond(ctx, 503, "overloaded", e.getMessage());
        });
        routes.exception(CorrectionsUnavailableException.class, (e, ctx) -> {
            warnOnce(e.getMessage());
            ctx.header("Retry-After", CORRECTIONS_RETRY_AFTER_SECONDS);
            respond(ctx, 503, CORRECTIONS_UNAVAILABLE, e.getMessage());
        });
        routes.exception(NoSuchCorrectionException.class, (e, ctx) -> respond(ctx, 404, "not_found", e.getMessage()));
        routes.exception(HttpResponseException.class, this::httpError);
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure serving {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, INTERNAL_ERROR, INTERNAL_MESSAGE);
        });
        config.router.javaLangErrorHandler(ErrorMapping::fatal);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    }

    /**
     * Errors Jetty answers before Javalin sees the request (a malformed URI, a bad header):
     * the same JSON shape instead of Jetty's HTML page. Jetty 12 sends bad messages through
     * {@code generateResponse} too (its {@code badMessageError} is no longer called).
     */
    static final class JsonErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        }

        private static byte[] body(int status, String message) {
            String text = message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message;
            try {
                return JSON.writeValueAsBytes(new ErrorResponse(codeFor(status), text));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void warnOnce(String reason) {
        if (!reason.equals(lastUnavailable.getAndSet(reason))) {
            LOG.warn("corrections unavailable: {}", reason);
        }
    }

    /** Javalin's own status exceptions: unmatched routes, oversize bodies, wrong media types. */
    private void httpError(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> respond(ctx, 404, "not_found", "no route for " + ctx.method() + " " + ctx.path());
            case 405 -> methodNotAllowed(e, ctx);
            case 413 -> respond(ctx, 413, "body_too_large",
                    "request body exceeds the limit of " + maxBodyBytes + " bytes");
            case 415 -> respond(ctx, 415, "unsupported_media_type", e.getMessage());
            case 400 -> respond(ctx, 400, "invalid_request", e.getMessage());
            default -> respond(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage());
        }
    }

    private static void methodNotAllowed(HttpResponseException e, Context ctx) {
        String allowed = allowedMethods(e.getDetails());
        if (!allowed.isEmpty()) {
            ctx.header("Allow", allowed);
        }
        respond(ctx, 405, "method_not_allowed", "method " + ctx.method() + " is not allowed on " + ctx.path()
                + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
    }

    private static String allowedMethods(Map<String, String> details) {
        // Javalin names the key for JSON clients and for plain-text clients differently.
        String methods = details.getOrDefault("availableMethods", details.getOrDefault("Available methods", ""));
        return methods.replace(" ", "");
    }

    static String codeFor(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "http_" + status
                : known.name().toLowerCase(Locale.ROOT);
    }

    private static void respond(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ErrorResponse(code, message));
    }

    /** Errors (out of memory, stack overflow) bypass exception handlers; keep the body shape anyway. */
    private static void fatal(HttpServletResponse res, Error error) {
        LOG.error("fatal error while serving a request", error);
        res.setStatus(500);
        res.setContentType("application/json");
        try {
            res.getOutputStream().write(("{\"error\":\"internal_error\",\"message\":\"" + INTERNAL_MESSAGE + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException ignored) {
            // The connection is already broken or committed; the log above is all that is left.
        }
    }
}
