package dlbugs.corrections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A correction as {@code GET /corrections} and {@code dlbugs corrections show} write it: every
 * field under its snake_case name, the report in {@code report}, times in ISO-8601 (UTC).
 */
public final class CorrectionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of a written correction, in order. */
    public static final java.util.List<String> FIELDS = java.util.List.of("id", "status", "head", "label", "answer",
            "model_version", "author", "origin", "note", "created_at", "reviewed_by", "reviewed_at", "digest", "report");

    private CorrectionJson() {
    }

    /** @return the correction as a JSON object */
    public static ObjectNode of(Correction c) {
        ObjectNode n = JSON.createObjectNode().put("id", c.id()).put("status", c.status().label()).put("head", c.head())
                .put("label", c.label()).put("answer", c.answer()).put("model_version", c.modelVersion())
                .put("author", c.author()).put("origin", c.origin().label()).put("note", c.note())
                .put("created_at", c.createdAt().toString()).put("reviewed_by", c.reviewedBy())
                .put("reviewed_at", c.reviewedAt() == null ? null : c.reviewedAt().toString()).put("digest", c.digest());
        n.putObject("report").put("title", c.report().title()).put("text", c.report().text())
                .put("diff", c.report().diff()).put("library", c.report().library());
        return n;
    }
}
