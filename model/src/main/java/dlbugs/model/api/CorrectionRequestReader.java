package dlbugs.model.api;

import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a correction, the body of {@code POST /corrections} or one line of
 * {@code dlbugs corrections import}: the report's fields as {@link ClassifyRequestReader} reads
 * them (no {@code id}), the {@code head} and its right {@code label}, checked against the
 * taxonomy (a label in another case is taken in the taxonomy's), and optionally
 * {@code model_version} and {@code answer} (what was corrected), {@code author} and {@code note}.
 * Refusals are {@link RequestException}s naming the field and, for a head or label, every accepted
 * value. Thread-safe.
 */
public final class CorrectionRequestReader {

    /** Longest author, model version and answer accepted. */
    public static final int MAX_NAME = 200;
    /** Longest note accepted. */
    public static final int MAX_NOTE = 2_000;
    private static final String HEAD = "head";
    private static final String LABEL = "label";
    /** Every field a correction may have. */
    public static final List<String> FIELDS = List.of("title", "text", "diff", "library", HEAD, LABEL,
            "model_version", "answer", "author", "note");

    private final ClassifyRequestReader json = new ClassifyRequestReader();
    private final Taxonomy taxonomy;

    /** @param taxonomy the heads and labels a correction may name */
    public CorrectionRequestReader(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param body the request's bytes, UTF-8
     * @return the correction
     * @throws RequestException naming what is wrong
     */
    public CorrectionRequest read(byte[] body) {
        JsonNode root = json.object(body);
        ClassifyRequestReader.checkFields(root, "", FIELDS);
        String headName = required(root, HEAD);
        Head head = taxonomy.heads().stream().filter(h -> h.name().equals(headName)).findFirst()
                .orElseThrow(() -> RequestException.request("field 'head' must be one of " + String.join(", ", heads())
                        + ", got '" + headName + "'"));
        String raw = required(root, LABEL);
        String label = label(head, raw).orElseThrow(() -> RequestException.request("field 'label' must be one of the labels of "
                + head.name() + ": " + String.join(", ", head.labels()) + " (any case), got '" + raw + "'"));
        return new CorrectionRequest(ClassifyRequestReader.instance(root, "").report(), head.name(), label,
                name(root, "model_version"), name(root, "answer"), Optional.ofNullable(name(root, "author")).orElse(""),
                text(root, "note", MAX_NOTE));
    }

    /** @return every head's name, in the taxonomy's order */
    public List<String> heads() {
        return taxonomy.heads().stream().map(Head::name).toList();
    }

    private static Optional<String> label(Head head, String raw) {
        String folded = raw.strip().toLowerCase(Locale.ROOT);
        return head.labels().stream().filter(l -> l.toLowerCase(Locale.ROOT).equals(folded)).findFirst();
    }

    private static String required(JsonNode root, String field) {
        String value = text(root, field, MAX_NAME);
        if (value == null || value.isBlank()) {
            throw RequestException.request("field '" + field + "' is required: a non-blank string");
        }
        return value.strip();
    }

    /** A one-line value: no control characters, stripped; null when absent or blank. */
    private static String name(JsonNode root, String field) {
        String value = text(root, field, MAX_NAME);
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw RequestException.request("field '" + field + "' must be one line without control characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(JsonNode root, String field, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RequestException.request("field '" + field + "' must be a string, got " + ClassifyRequestReader.typeOf(node));
        }
        if (node.textValue().length() > max) {
            throw RequestException.request("field '" + field + "' must be at most " + max + " characters, got "
                    + node.textValue().length());
        }
        return node.textValue();
    }
}
