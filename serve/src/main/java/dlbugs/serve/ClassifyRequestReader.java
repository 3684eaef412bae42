package dlbugs.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dlbugs.serve.api.ClassifyRequest;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the body of {@code POST /classify} into a {@link ClassifyRequest}, rejecting anything
 * that is not a UTF-8 JSON object of string fields named title, text, diff and library (and an
 * optional numeric {@code threshold} in [0, 1]). The
 * tree is checked by hand rather than data-bound, so every message can name the offending field
 * and no JSON value is silently coerced to a string.
 */
final class ClassifyRequestReader {

    private static final String THRESHOLD = "threshold";
    private static final List<String> FIELDS = List.of("title", "text", "diff", "library", THRESHOLD);

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Checks the content type, reads the body (Javalin enforces the size limit) and parses it. */
    ClassifyRequest read(Context ctx) {
        requireJson(ctx.contentType());
        return parse(ctx.bodyAsBytes());
    }

    private ClassifyRequest parse(byte[] body) {
        JsonNode root = readTree(body);
        if (root.isMissingNode()) {
            throw new InvalidJsonException("request body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw new InvalidJsonException("request body must be a JSON object, got " + typeOf(root));
        }
        checkFields(root);
        ClassifyRequest request = new ClassifyRequest(string(root, "title"), string(root, "text"),
                string(root, "diff"), string(root, "library"), threshold(root));
        if (isBlank(request.title()) && isBlank(request.text()) && isBlank(request.diff())) {
            throw new InvalidRequestException("at least one of title, text and diff must be a non-blank string");
        }
        return request;
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

    private static void checkFields(JsonNode root) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                unknown.add("'" + field.getKey() + "'");
            } else if (field.getKey().equals(THRESHOLD)) {
                continue;
            } else if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                throw new InvalidRequestException("field '" + field.getKey() + "' must be a string, got "
                        + typeOf(field.getValue()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; allowed fields are " + String.join(", ", FIELDS));
        }
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

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
