package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code dlbugs evaluate} prints of its {@code metrics.json}: accuracy per head for every
 * contestant on each source's slice (and, for the sources grouped by repository, averaged over
 * repositories), macro-F1 on each head's reference units, the generalisation checks, and each
 * head's calibration with its operating point per kind of report.
 */
final class EvaluationSummary {

    private static final List<String> SLICES = List.of("gold", "silver/stackoverflow", "github_issues", "denchmark",
            "commits");

    private EvaluationSummary() {
    }

    static String of(ObjectNode doc) {
        StringBuilder b = new StringBuilder();
        List<String> heads = new ArrayList<>();
        doc.path("heads").forEach(h -> heads.add(h.path("name").asText()));
        bySlice(b, doc, heads);
        byRepository(b, doc, heads);
        referenceF1(b, doc);
        generalisation(b, doc);
        calibration(b, doc);
        return b.toString();
    }

    private static void header(StringBuilder b, String title, List<String> heads) {
        b.append(title).append('\n').append(String.format(Locale.ROOT, "  %-22s %-34s", "", ""));
        heads.forEach(h -> b.append(String.format(Locale.ROOT, " %12s", h.length() > 12 ? h.substring(0, 12) : h)));
        b.append('\n');
    }

    private static void bySlice(StringBuilder b, ObjectNode doc, List<String> heads) {
        header(b, "accuracy by slice (grouped cross-validation; dl_bug: accuracy / ROC AUC):", heads);
        Map<String, Map<String, Map<String, String>>> cells = new LinkedHashMap<>();
        for (JsonNode r : doc.path("results")) {
            String cell = String.format(Locale.ROOT, "%.3f", r.path("accuracy").asDouble())
                    + (r.has("rocAuc") ? String.format(Locale.ROOT, "/%.2f", r.path("rocAuc").asDouble()) : "");
            cells.computeIfAbsent(r.path("slice").asText(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.path("model").asText(), k -> new LinkedHashMap<>()).put(r.path("head").asText(), cell);
        }
        SLICES.stream().filter(cells::containsKey).forEach(slice -> rows(b, slice, cells.get(slice), heads));
    }

    private static void byRepository(StringBuilder b, ObjectNode doc, List<String> heads) {
        if (doc.path("byRepository").isEmpty()) {
            return;
        }
        header(b, "accuracy averaged over repositories (each repository counts once):", heads);
        Map<String, Map<String, Map<String, String>>> cells = new LinkedHashMap<>();
        for (JsonNode r : doc.path("byRepository")) {
            cells.computeIfAbsent(r.path("source").asText() + " (" + r.path("repositories").asInt() + " repos)",
                            k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.path("model").asText(), k -> new LinkedHashMap<>())
                    .put(r.path("head").asText(), String.format(Locale.ROOT, "%.3f", r.path("meanAccuracy").asDouble()));
        }
        cells.forEach((source, byModel) -> rows(b, source, byModel, heads));
    }

    private static void rows(StringBuilder b, String slice, Map<String, Map<String, String>> byModel, List<String> heads) {
        boolean first = true;
        for (Map.Entry<String, Map<String, String>> m : byModel.entrySet()) {
            String model = m.getKey().length() > 34 ? m.getKey().substring(0, 31) + "..." : m.getKey();
            b.append(String.format(Locale.ROOT, "  %-22s %-34s", first ? slice : "", model));
            heads.forEach(h -> b.append(String.format(Locale.ROOT, " %12s", m.getValue().getOrDefault(h, "-"))));
            b.append('\n');
            first = false;
        }
    }

    private static void referenceF1(StringBuilder b, ObjectNode doc) {
        b.append("macro-F1 by head on its reference units, gold (or all, for a head gold cannot judge):\n");
        Map<String, String> reference = new LinkedHashMap<>();
        doc.path("calibration").forEach(c -> reference.put(c.path("head").asText(), c.path("reference").asText("gold")));
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        for (JsonNode r : doc.path("results")) {
            String head = r.path("head").asText();
            if (r.path("slice").asText().equals(reference.getOrDefault(head, "gold"))) {
                lines.computeIfAbsent(head, k -> new StringBuilder(String.format(Locale.ROOT, "  %-12s", k)))
                        .append(String.format(Locale.ROOT, "  %s %.3f", r.path("model").asText(), r.path("macroF1").asDouble()));
            }
        }
        lines.values().forEach(l -> b.append(l).append('\n'));
    }

    private static void generalisation(StringBuilder b, ObjectNode doc) {
        for (Map.Entry<String, JsonNode> check : doc.path("generalisation").properties()) {
            b.append(check.getKey()).append(": mean over held-out parts, macro-F1 / accuracy\n");
            Map<String, StringBuilder> byHead = new LinkedHashMap<>();
            for (JsonNode m : check.getValue().path("means")) {
                byHead.computeIfAbsent(m.path("head").asText(), k -> new StringBuilder(String.format(Locale.ROOT, "  %-12s", k)))
                        .append(String.format(Locale.ROOT, "  %s %.3f / %.3f", m.path("model").asText(),
                                m.path("macroF1").asDouble(), m.path("accuracy").asDouble()));
            }
            byHead.values().forEach(line -> b.append(line).append('\n'));
        }
    }

    private static void calibration(StringBuilder b, ObjectNode doc) {
        b.append("calibration (dlbugs): temperature, and the threshold whose accepted answers reached the target "
                + "precision, per kind of report:\n");
        for (JsonNode c : doc.path("calibration")) {
            b.append(String.format(Locale.ROOT, "  %-12s  ECE %.3f -> %.3f (cross-fitted), T=%.2f, %s%n",
                    c.path("head").asText(), c.path("eceBefore").asDouble(), c.path("eceAfter").asDouble(),
                    c.path("temperature").asDouble(), point(c)));
            for (Map.Entry<String, JsonNode> k : c.path("kinds").properties()) {
                b.append(String.format(Locale.ROOT, "  %-12s    %-8s (%d units) T=%.2f, %s%s%n", "", k.getKey(),
                        k.getValue().path("n").asInt(), k.getValue().path("temperature").asDouble(), point(k.getValue()),
                        heldOut(k.getValue())));
            }
        }
    }

    /** @return what a threshold chosen on half of the kind's units did on the other half, when measured */
    private static String heldOut(JsonNode k) {
        if (!k.has("heldOutCoverage")) {
            return "";
        }
        return k.path("heldOutPrecision").isNumber()
                ? String.format(Locale.ROOT, "; chosen on half, on the other half: precision %.2f at coverage %.2f",
                        k.path("heldOutPrecision").asDouble(), k.path("heldOutCoverage").asDouble())
                : "; chosen on half, the other half: nothing accepted";
    }

    private static String point(JsonNode c) {
        return c.path("precision").isNumber()
                ? String.format(Locale.ROOT, "threshold %.2f: precision %.2f at coverage %.2f", c.path("threshold").asDouble(),
                        c.path("precision").asDouble(), c.path("coverage").asDouble())
                : "precision target never reached: nothing accepted unreviewed";
    }
}
