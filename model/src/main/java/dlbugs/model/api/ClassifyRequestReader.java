package dlbugs.model.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.Libraries;
import dlbugs.model.corpus.ReportKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a classify request, the body of {@code POST /classify} or one line of
 * {@code dlbugs classify}, or a batch ({@code POST /classify/batch}), into reports and options,
 * refusing anything that is not a UTF-8 JSON object of the documented fields. A report is an
 * object of string fields title, text, diff, library (one of {@link Libraries#spellings()}) and
 * kind ({@link ReportKind#labels()}: which thresholds judge the answer; by default a commit when
 * there is a diff, else an issue), at least one of the first three non-blank, and an optional {@code id} (a string or a number,
 * echoed in the answer). The options are {@code threshold} (a number in [0, 1]), {@code top_k}
 * (an integer of at least 1), {@code explain} (a boolean) and {@code similar} (how many known
 * bugs, 0 to {@value #MAX_SIMILAR}). A batch puts its reports in {@code instances}, as KServe's
 * v1 protocol does. The tree is checked by hand rather than data-bound, so every message can name
 * the offending field and no JSON value is silently coerced to a string. Thread-safe.
 */
public final class ClassifyRequestReader {

    private static final String ID = "id";
    private static final String THRESHOLD = "threshold";
    private static final String TOP_K = "top_k";
    private static final String EXPLAIN = "explain";
    private static final String SIMILAR = "similar";
    private static final String LIBRARY = "library";
    private static final String KIND = "kind";
    private static final String INSTANCES = "instances";
    /** Features per head that an explanation lists, strongest first. */
    public static final int EXPLAINED_FEATURES = 8;
    /** Most similar known bugs one request may ask for. */
    public static final int MAX_SIMILAR = 20;
    /** The fields of one report. */
    public static final List<String> REPORT_FIELDS = List.of(ID, "title", "text", "diff", LIBRARY, KIND);
    /** The fields that say how to answer. */
    public static final List<String> OPTION_FIELDS = List.of(THRESHOLD, TOP_K, EXPLAIN, SIMILAR);

    /**
     * How to answer.
     *
     * @param threshold confidence an answer needs to count as accepted; null for each head's own
     * @param topK      labels to list per head, best first; null for all
     * @param explain   whether to explain each head's answer
     * @param similar   how many similar known bugs to list (0 for none)
     */
    public record Options(Double threshold, Integer topK, boolean explain, int similar) {
    }

    /**
     * One report of a request.
     *
     * @param id     the caller's id for it, a JSON string or number, echoed unchanged; null if none
     * @param report what it says
     */
    public record Instance(JsonNode id, BugReport report) {
    }

    /** A single request: one report and the options. */
    public record Single(Instance instance, Options options) {
        /** @return the report */
        public BugReport report() {
            return instance.report();
        }
    }

    /** A batch request: its reports, in order, and the options for all of them. */
    public record Batch(List<Instance> instances, Options options) {
        public Batch {
            instances = List.copyOf(instances);
        }

        /** @return the reports, in order */
        public List<BugReport> reports() {
            return instances.stream().map(Instance::report).toList();
        }
    }

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * Reads one request.
     *
     * @param json the request's bytes, UTF-8
     * @return its report and options
     * @throws RequestException naming what is wrong
     */
    public Single read(byte[] json) {
        JsonNode root = object(json);
        checkFields(root, "", concat(REPORT_FIELDS, OPTION_FIELDS));
        return new Single(instance(root, ""), options(root));
    }

    /**
     * Reads a batch request.
     *
     * @param json     the request's bytes, UTF-8
     * @param maxItems most reports one batch may hold
     * @return its reports and options
     * @throws RequestException naming what is wrong
     */
    public Batch readBatch(byte[] json, int maxItems) {
        JsonNode root = object(json);
        checkFields(root, "", concat(List.of(INSTANCES), OPTION_FIELDS));
        JsonNode items = root.get(INSTANCES);
        if (items == null || !items.isArray()) {
            throw RequestException.request("field '" + INSTANCES + "' must be an array of reports, got "
                    + (items == null ? "nothing" : typeOf(items)));
        }
        if (items.isEmpty() || items.size() > maxItems) {
            throw RequestException.request("'" + INSTANCES + "' must hold 1 to " + maxItems + " reports, got "
                    + items.size());
        }
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = INSTANCES + "[" + i + "].";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw RequestException.request("'" + INSTANCES + "[" + i + "]' must be an object, got " + typeOf(item));
            }
            checkFields(item, where, REPORT_FIELDS);
            instances.add(instance(item, where));
        }
        return new Batch(instances, options(root));
    }

    /**
     * The caller's id of a request that could not be read as a whole, so that its error can
     * still be joined to it: the {@code id} of a JSON object, if it is a string or a number.
     *
     * @return the id, or null
     */
    public JsonNode idOf(byte[] json) {
        try {
            JsonNode id = mapper.readTree(json).get(ID);
            return id != null && (id.isTextual() || id.isNumber()) ? id : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    JsonNode object(byte[] json) {
        JsonNode root = readTree(json);
        if (root == null || root.isMissingNode()) {
            throw RequestException.json("request body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw RequestException.json("request body must be a JSON object, got " + typeOf(root));
        }
        return root;
    }

    private JsonNode readTree(byte[] json) {
        try (JsonParser parser = mapper.createParser(json)) {
            JsonNode root = mapper.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw RequestException.json("malformed JSON: text after the end of the JSON object"
                        + at(parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw RequestException.json("malformed JSON: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw RequestException.json("unreadable JSON: " + JsonErrors.plain(e.getMessage()));
        }
    }

    static Instance instance(JsonNode node, String where) {
        JsonNode id = node.get(ID);
        if (id != null && !id.isTextual() && !id.isNumber()) {
            throw RequestException.request("field '" + where + ID + "' must be a string or a number, got " + typeOf(id));
        }
        for (String field : REPORT_FIELDS.subList(1, REPORT_FIELDS.size())) {
            JsonNode value = node.get(field);
            if (value != null && !value.isTextual() && !value.isNull()) {
                throw RequestException.request("field '" + where + field + "' must be a string, got " + typeOf(value));
            }
        }
        BugReport report = new BugReport(string(node, "title"), string(node, "text"), string(node, "diff"),
                library(node, where), kind(node, where));
        if (report.isBlank()) {
            throw RequestException.request((where.isEmpty() ? "" : "in '" + where.substring(0, where.length() - 1)
                    + "': ") + "at least one of title, text and diff must be a non-blank string");
        }
        return new Instance(id, report);
    }

    private static String library(JsonNode node, String where) {
        String raw = string(node, LIBRARY);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Libraries.parse(raw).orElseThrow(() -> RequestException.request("field '" + where + LIBRARY
                + "' must be one of " + String.join(", ", Libraries.spellings()) + " (any case), got '" + raw + "'"));
    }

    private static ReportKind kind(JsonNode node, String where) {
        String raw = string(node, KIND);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return ReportKind.parse(raw).orElseThrow(() -> RequestException.request("field '" + where + KIND
                + "' must be one of " + String.join(", ", ReportKind.labels()) + ", got '" + raw + "'"));
    }

    private static Options options(JsonNode root) {
        JsonNode explain = root.get(EXPLAIN);
        if (explain != null && !explain.isBoolean() && !explain.isNull()) {
            throw RequestException.request("field '" + EXPLAIN + "' must be true or false, got " + explain);
        }
        JsonNode similar = root.get(SIMILAR);
        if (similar != null && !similar.isNull() && (!similar.isIntegralNumber() || !similar.canConvertToInt()
                || similar.intValue() < 0 || similar.intValue() > MAX_SIMILAR)) {
            throw RequestException.request("field '" + SIMILAR + "' must be an integer from 0 to " + MAX_SIMILAR
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

    static void checkFields(JsonNode node, String where, List<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                unknown.add("'" + where + field.getKey() + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw RequestException.request("unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; allowed fields are " + String.join(", ", allowed));
        }
    }

    private static Integer topK(JsonNode root) {
        JsonNode node = root.get(TOP_K);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
            throw RequestException.request("field '" + TOP_K + "' must be an integer of at least 1, got " + node);
        }
        return node.intValue();
    }

    private static Double threshold(JsonNode root) {
        JsonNode node = root.get(THRESHOLD);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 1) {
            throw RequestException.request("field 'threshold' must be a number from 0 to 1, got " + node);
        }
        return node.doubleValue();
    }

    static String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.textValue();
    }

    static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String at(int line, int column) {
        return " (line " + line + ", column " + column + ")";
    }
}
