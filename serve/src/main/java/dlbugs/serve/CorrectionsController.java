package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionJson;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.NewCorrection;
import dlbugs.corrections.NoSuchCorrectionException;
import dlbugs.corrections.Origin;
import dlbugs.corrections.Recorded;
import dlbugs.corrections.Status;
import dlbugs.model.api.CorrectionRequest;
import dlbugs.model.api.CorrectionRequestReader;
import dlbugs.model.taxonomy.Taxonomy;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /corrections} (anyone: 201 with the new id, 200 with the same id for a repeat),
 * {@code GET /corrections} (filters and pages), {@code GET /corrections/{id}} and
 * {@code POST /corrections/{id}/accept|reject} (behind the admin token). The store's failures
 * reach {@link ErrorMapping}: an unusable database is a 503 of these routes only.
 */
final class CorrectionsController {

    /** The header the page sends so its corrections count as the page's, not the API's. */
    static final String ORIGIN_HEADER = "X-Dlbugs-Origin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorrectionStore store;
    private final CorrectionRequestReader reader = new CorrectionRequestReader(Taxonomy.islam2019());
    private final AdminToken admin;
    private final ServeMetrics metrics;

    CorrectionsController(CorrectionStore store, AdminToken admin, ServeMetrics metrics) {
        this.store = store;
        this.admin = admin;
        this.metrics = metrics;
    }

    void record(Context ctx) {
        CorrectionRequest request = reader.read(JsonBody.of(ctx));
        Origin origin = "page".equalsIgnoreCase(ctx.header(ORIGIN_HEADER)) ? Origin.PAGE : Origin.API;
        Recorded r = store.record(NewCorrection.of(request, origin));
        if (r.created()) {
            metrics.corrected(origin.label(), request.head());
        }
        ctx.status(r.created() ? 201 : 200).json(JSON.createObjectNode().put("id", r.id()).put("created", r.created())
                .put("status", r.created() ? Status.NEW.label() : store.get(r.id()).map(c -> c.status().label()).orElse("new")));
    }

    void list(Context ctx) {
        admin.authorize(ctx.header("Authorization"));
        CorrectionQuery q = query(ctx);
        List<Correction> page = store.list(q);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("corrections");
        page.forEach(c -> items.add(CorrectionJson.of(c)));
        body.put("next", page.size() < q.limit() ? null : next(q, page.get(page.size() - 1).id()));
        ctx.json(body);
    }

    void show(Context ctx) {
        admin.authorize(ctx.header("Authorization"));
        long id = id(ctx);
        ctx.json(CorrectionJson.of(store.get(id).orElseThrow(() -> new NoSuchCorrectionException(id))));
    }

    void accept(Context ctx) {
        review(ctx, Status.ACCEPTED);
    }

    void reject(Context ctx) {
        review(ctx, Status.REJECTED);
    }

    private void review(Context ctx, Status status) {
        admin.authorize(ctx.header("Authorization"));
        String by = ctx.queryParam("by");
        if (by != null && (by.isBlank() || by.length() > CorrectionRequestReader.MAX_NAME
                || by.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequestResponse("'by' names the reviewer: one line of 1 to " + CorrectionRequestReader.MAX_NAME
                    + " characters");
        }
        ctx.json(CorrectionJson.of(store.review(id(ctx), status, by == null ? "admin" : by)));
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("a correction id is a positive integer, got '" + raw + "'");
    }

    private CorrectionQuery query(Context ctx) {
        Status status = ctx.queryParam("status") == null ? null : Status.parse(ctx.queryParam("status")).orElseThrow(() ->
                new BadRequestResponse("'status' must be one of " + String.join(", ", Status.labels()) + ", got '"
                        + ctx.queryParam("status") + "'"));
        String head = ctx.queryParam("head");
        if (head != null && !reader.heads().contains(head)) {
            throw new BadRequestResponse("'head' must be one of " + String.join(", ", reader.heads()) + ", got '" + head + "'");
        }
        long after = number(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(ctx, "limit", 1, CorrectionQuery.MAX_LIMIT, CorrectionQuery.DEFAULT_LIMIT);
        return new CorrectionQuery(status, head, since(ctx.queryParam("since")), after, limit);
    }

    private static long number(Context ctx, String name, long min, long max, long fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("'" + name + "' must be an integer from " + min + " to " + max + ", got '" + raw + "'");
    }

    private static Instant since(String raw) {
        try {
            return CorrectionQuery.since(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("'since' " + e.getMessage());
        }
    }

    private static String next(CorrectionQuery q, long lastId) {
        StringBuilder b = new StringBuilder("/corrections?after=").append(lastId).append("&limit=").append(q.limit());
        if (q.status() != null) {
            b.append("&status=").append(q.status().label());
        }
        if (q.head() != null) {
            b.append("&head=").append(q.head());
        }
        if (q.since() != null) {
            b.append("&since=").append(URLEncoder.encode(q.since().toString(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
