package dlbugs.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dlbugs.model.corpus.BugReport;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the body of {@code POST /classify} or {@code POST /classify/batch} into reports and
 * options, rejecting anything that is not a UTF-8 JSON object of the documented fields. A report
 * is an object of string fields title, text, diff and library, at least one of the first three
 * non-blank; the options are {@code threshold} (a number in [0, 1]), {@code top_k} (an integer
 * of at least 1), {@code explain} (a boolean) and {@code similar} (how many known bugs, 0 to 20). A batch puts its reports in {@code instances}, as KServe's v1 protocol does.
 * The tree is checked by hand rather than data-bound, so every message can name the offending
 * field and no JSON value is silently coerced to a string.
 */
final class ClassifyRequestReader {

    private static final String THRESHOLD = "threshold";
    private static final String TOP_K = "top_k";
    private static final String EXPLAIN = "explain";
    private static final String SIMILAR = "similar";
    /** Most similar known bugs one request may ask for. */
    static final int MAX_SIMILAR = 20;
    private static final String INSTANCES = "instances";
    static final List<String> REPORT_FIELDS = List.of("title", "text", "diff", "library");
    static final List<String> OPTION_FIELDS = List.of(THRESHOLD, TOP_K, EXPLAIN, SIMILAR);

    /**
     * How to answer.
     *
     * @param threshold confidence an answer needs to count as accepted; null for each head's own
     * @param topK      labels to list per head, best first; null for all
     * @param explain   whether to explain each head's answer
     * @param similar   how many similar known bugs to list (0 for none)
     */
    record Options(Double threshold, Integer topK, boolean explain, int similar) {
        InferenceQueue.Extras extras() {
            return new InferenceQueue.Extras(explain, similar);
        }
    }

    /** A single request: one report and the options. */
    record Single(BugReport report, Options options) {
    }

    /** A batch request: its reports, in order, and the options for all of them. */
    record Batch(List<BugReport> reports, Options options) {
    }

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads {@code POST /classify}: checks the content type, reads the body (Javalin enforces the size limit), parses it. */
    Single read(Context ctx) {
        JsonNode root = object(ctx);
        checkFields(root, "", concat(REPORT_FIELDS, OPTION_FIELDS));
        return new Single(report(root, ""), options(root));
    }

    /**
     * Reads {@code POST /classify/batch}.
     *
     * @param maxItems most reports one batch may hold
     */
    Batch readBatch(Context ctx, int maxItems) {
        JsonNode root = object(ctx);
        checkFields(root, "", concat(List.of(INSTANCES), OPTION_FIELDS));
        JsonNode items = root.get(INSTANCES);
        if (items == null || !items.isArray()) {
            throw new InvalidRequestException("field '" + INSTANCES + "' must be an array of reports, got "
                    + (items == null ? "nothing" : typeOf(items)));
        }
        if (items.isEmpty() || items.size() > maxItems) {
            throw new InvalidRequestException("'" + INSTANCES + "' must hold 1 to " + maxItems + " reports, got "
                    + items.size());
        }
        List<BugReport> reports = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = INSTANCES + "[" + i + "].";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw new InvalidRequestException("'" + INSTANCES + "[" + i + "]' must be an object, got " + typeOf(item));
            }
            checkFields(item, where, REPORT_FIELDS);
            reports.add(report(item, where));
        }
        return new Batch(reports, options(root));
    }

    private JsonNode object(Context ctx) {
        requireJson(ctx.contentType());
        JsonNode root = readTree(ctx.bodyAsBytes());
        if (root.isMissingNode()) {
            throw new InvalidJsonException("request body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw new InvalidJsonException("request body must be a JSON object, got " + typeOf(root));
        }
        return root;
    }

    private static BugReport report(JsonNode node, String where) {
        for (String field : REPORT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isTextual() && !value.isNull()) {
                throw new InvalidRequestException("field '" + where + field + "' must be a string, got " + typeOf(value));
            }
        }
        BugReport report = new BugReport(string(node, "title"), string(node, "text"), string(node, "diff"),
                string(node, "library"));
        if (report.isBlank()) {
            throw new InvalidRequestException((where.isEmpty() ? "" : "in '" + where.substring(0, where.length() - 1)
                    + "': ") + "at least one of title, text and diff must be a non-blank string");
        }
        return report;
    }

    private static Options options(JsonNode root) {
        JsonNode explain = root.get(EXPLAIN);
        if (explain != null && !explain.isBoolean() && !explain.isNull()) {
            throw new InvalidRequestException("field '" + EXPLAIN + "' must be true or false, got " + explain);
        }
        JsonNode similar = root.get(SIMILAR);
        if (similar != null && !similar.isNull() && (!similar.isIntegralNumber() || !similar.canConvertToInt()
                || similar.intValue() < 0 || similar.intValue() > MAX_SIMILAR)) {
            throw new InvalidRequestException("field '" + SIMILAR + "' must be an integer from 0 to " + MAX_SIMILAR
                    + ", got " + similar);
        }
        return new Options(threshold(root), topK(root), explain != null && explain.asBoolean(),
                similar == null || similar.isNull() ? 0 : similar.intValue());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaTypeResponse("Content-Type header is missing; send application/json");
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw new UnsupportedMediaTypeResponse("Content-Type must be application/json, got " + contentType);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            String value = param.length < 2 ? "" : param[1].strip().replace("\"", "");
            if (param[0].strip().equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                throw new UnsupportedMediaTypeResponse("JSON must be UTF-8, got charset " + value);
            }
        }
    }

    private JsonNode readTree(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException("malformed JSON: " + describe(e));
        } catch (IOException e) {
            throw new InvalidJsonException("unreadable JSON: " + e.getMessage());
        }
    }

    private static void checkFields(JsonNode node, String where, List<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                unknown.add("'" + where + field.getKey() + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; allowed fields are " + String.join(", ", allowed));
        }
    }

    private static Integer topK(JsonNode root) {
        JsonNode node = root.get(TOP_K);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
            throw new InvalidRequestException("field '" + TOP_K + "' must be an integer of at least 1, got " + node);
        }
        return node.intValue();
    }

    private static Double threshold(JsonNode root) {
        JsonNode node = root.get(THRESHOLD);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 1) {
            throw new InvalidRequestException("field 'threshold' must be a number from 0 to 1, got " + node);
        }
        return node.doubleValue();
    }

    private static String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String message = e.getOriginalMessage();
        return where == null ? message
                : message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
