package dlbugs.train.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dlbugs.train.eval.HtmlReportText.MISSING;
import static dlbugs.train.eval.HtmlReportText.escape;
import static dlbugs.train.eval.HtmlReportText.fixed;
import static dlbugs.train.eval.HtmlReportText.number;

/**
 * The report's tables: gold summary per head and model, calibration per head, and every slice.
 * Macro-F1 is the headline figure; the best model of a row is set in bold.
 */
final class HtmlReportTables {

    /** The baseline the summary measures dlbugs against. */
    static final String BASELINE = "tfidf-logreg";

    private HtmlReportTables() {
    }

    /** Gold macro-F1 and accuracy per head and model, seed spread, and dlbugs' margin over the baseline. */
    static void summary(StringBuilder h, JsonNode doc, HtmlReportResults results) {
        h.append("<h2 id='summary'>Summary: gold units (every unit, for a head gold cannot judge)</h2><table>");
        modelHeader(h, results, "head");
        for (String head : results.heads(Slices.GOLD)) {
            Map<String, JsonNode> byModel = results.ofReference(head);
            h.append("<tr><td class='l'>").append(escape(head)).append(results.reference(head).equals(Slices.GOLD) ? ""
                    : " <small>(" + escape(results.reference(head)) + ")</small>").append("</td><td>").append(n(byModel)).append("</td>");
            scores(h, results.models(), byModel, m -> spread(doc, head, m));
            h.append("</tr>");
        }
        h.append("</table><ul class='deltas'>");
        for (String head : results.heads(Slices.GOLD)) {
            Map<String, JsonNode> byModel = results.ofReference(head);
            JsonNode main = byModel.get(HtmlReportResults.MAIN_MODEL);
            JsonNode base = byModel.get(BASELINE);
            if (main != null && base != null) {
                double delta = main.path("macroF1").asDouble() - base.path("macroF1").asDouble();
                h.append("<li><b>").append(escape(head)).append("</b>: dlbugs vs ").append(BASELINE).append(": ")
                        .append(delta >= 0 ? "+" : "−").append(fixed(Math.abs(delta), 3)).append(" macro-F1</li>");
            }
        }
        h.append("</ul>");
    }

    /** Temperature, ECE before and after, and the acceptance threshold per head. */
    static void calibration(StringBuilder h, JsonNode doc) {
        if (doc.path("calibration").size() == 0) {
            return;
        }
        h.append("<h2 id='calibration'>Calibration of dlbugs</h2><table><tr><th class='l'>head</th><th>temperature</th>")
                .append("<th>ECE before</th><th>ECE after (cross-fitted)</th><th>threshold</th>")
                .append("<th>precision at threshold</th><th>coverage at threshold</th></tr>");
        for (JsonNode c : doc.path("calibration")) {
            boolean reached = c.path("precision").isNumber();
            h.append("<tr><td class='l'>").append(escape(c.path("head").asText())).append("</td><td>")
                    .append(number(c.path("temperature"), 2)).append("</td><td>").append(number(c.path("eceBefore"), 3))
                    .append("</td><td>").append(number(c.path("eceAfter"), 3)).append("</td><td>")
                    .append(number(c.path("threshold"), 2)).append("</td><td>")
                    .append(reached ? number(c.path("precision"), 2) : "not reached: nothing accepted")
                    .append("</td><td>").append(number(c.path("coverage"), 2)).append("</td></tr>");
        }
        h.append("</table>");
    }

    /**
     * The generalisation checks: per head, every model's macro-F1 and accuracy averaged over the
     * held-out parts (sources, libraries), then per held-out part.
     */
    static void generalisation(StringBuilder h, JsonNode doc, HtmlReportResults results) {
        JsonNode checks = doc.path("generalisation");
        if (checks.isMissingNode() || checks.isEmpty()) {
            return;
        }
        h.append("<h2 id='generalisation'>Generalisation: held-out sources and libraries</h2>")
                .append("<p class='hint'>Each part (a source, a library) is held out in turn: every model is trained on ")
                .append("the rest and scored on it. The mean is over the parts labelled for the head.</p>");
        for (Map.Entry<String, JsonNode> check : checks.properties()) {
            JsonNode c = check.getValue();
            h.append("<h3>").append(escape(check.getKey())).append(" (").append(escape(String.join(", ",
                    names(c.path("parts"))))).append(")</h3><table>");
            modelHeader(h, results, "held out</th><th class='l' rowspan='2'>head");
            List<String> parts = new ArrayList<>(List.of("mean"));
            parts.addAll(names(c.path("parts")));
            for (String part : parts) {
                Map<String, Map<String, JsonNode>> byHead = new LinkedHashMap<>();
                for (JsonNode r : part.equals("mean") ? c.path("means") : c.path("results")) {
                    if (part.equals("mean") || r.path("heldOut").asText().equals(part)) {
                        byHead.computeIfAbsent(r.path("head").asText(), k -> new LinkedHashMap<>())
                                .put(r.path("model").asText(), r);
                    }
                }
                int i = 0;
                for (Map.Entry<String, Map<String, JsonNode>> e : byHead.entrySet()) {
                    h.append(i++ == 0 ? "<tr class='first'><td class='l' rowspan='" + byHead.size() + "'>" + escape(part) + "</td>"
                            : "<tr>").append("<td class='l'>").append(escape(e.getKey())).append("</td><td>")
                            .append(part.equals("mean") ? MISSING : n(e.getValue())).append("</td>");
                    scores(h, results.models(), e.getValue(), m -> "");
                    h.append("</tr>");
                }
            }
            h.append("</table>");
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** n, macro-F1 and accuracy of every model on every slice and head. */
    static void slices(StringBuilder h, HtmlReportResults results) {
        h.append("<h2 id='slices'>All slices</h2><table>");
        modelHeader(h, results, "slice</th><th class='l' rowspan='2'>head");
        for (String slice : results.slices()) {
            List<String> heads = results.heads(slice);
            for (int i = 0; i < heads.size(); i++) {
                Map<String, JsonNode> byModel = results.of(slice, heads.get(i));
                h.append(i == 0 ? "<tr class='first'><td class='l' rowspan='" + heads.size() + "'>" + escape(slice) + "</td>" : "<tr>")
                        .append("<td class='l'>").append(escape(heads.get(i))).append("</td><td>").append(n(byModel)).append("</td>");
                scores(h, results.models(), byModel, m -> "");
                h.append("</tr>");
            }
        }
        h.append("</table>");
    }

    private static void modelHeader(StringBuilder h, HtmlReportResults results, String firstColumns) {
        List<String> models = results.models();
        h.append("<tr><th class='l' rowspan='2'>").append(firstColumns).append("</th><th rowspan='2'>n</th>");
        models.forEach(m -> h.append("<th colspan='2' class='model'>").append(results.swatch(m)).append(escape(m)).append("</th>"));
        h.append("</tr><tr>");
        models.forEach(m -> h.append("<th>macro-F1</th><th>accuracy</th>"));
        h.append("</tr>");
    }

    private static void scores(StringBuilder h, List<String> models, Map<String, JsonNode> byModel,
                               Function<String, String> extra) {
        double best = byModel.values().stream().mapToDouble(r -> r.path("macroF1").asDouble(Double.NaN))
                .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        for (String m : models) {
            JsonNode r = byModel.get(m);
            if (r == null) {
                h.append("<td class='missing'>").append(MISSING).append("</td><td class='missing'>").append(MISSING).append("</td>");
                continue;
            }
            String f1 = number(r.path("macroF1"), 3);
            boolean isBest = r.path("macroF1").isNumber() && r.path("macroF1").asDouble() == best && byModel.size() > 1;
            h.append("<td class='f1'>").append(isBest ? "<b>" + f1 + "</b>" : f1).append(extra.apply(m)).append("</td><td>")
                    .append(number(r.path("accuracy"), 3)).append("</td>");
        }
    }

    private static String n(Map<String, JsonNode> byModel) {
        return byModel.values().stream().filter(r -> r.path("n").isNumber()).findFirst()
                .map(r -> Integer.toString(r.path("n").asInt())).orElse(MISSING);
    }

    private static String spread(JsonNode doc, String head, String model) {
        for (JsonNode s : doc.path("seedSpread")) {
            if (s.path("head").asText().equals(head) && s.path("model").asText().equals(model)) {
                int runs = Math.max(s.path("values").size(), s.path("seeds").size());
                return "<br><small>" + number(s.path("mean"), 3) + " ± " + number(s.path("std"), 3)
                        + (runs > 0 ? " over " + runs + " seeds" : "") + "</small>";
            }
        }
        return "";
    }
}
