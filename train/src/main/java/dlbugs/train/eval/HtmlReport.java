package dlbugs.train.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the {@code metrics.json} of {@code dlbugs evaluate} as one self-contained HTML page:
 * a summary, per head the per-class F1 of every model, dlbugs' confusion matrix, reliability
 * before and after calibration and the coverage-accuracy curves, then calibration, every slice
 * and the notes. No script, style sheet, font or image is fetched: charts are inline SVG.
 */
public final class HtmlReport {

    private static final String CALIBRATED = "dlbugs";

    private HtmlReport() {
    }

    /** @return the complete HTML page for a metrics document */
    public static String render(JsonNode doc) {
        List<String> models = strings(doc.path("models"));
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                + "<title>dlbugs evaluation</title><style>body{font-family:sans-serif;margin:24px;max-width:1300px}"
                + "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                + ".charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}</style></head><body>");
        h.append("<h1>dlbugs evaluation</h1><p>").append(escape(doc.path("command").asText()))
                .append("<br>").append(escape(doc.path("createdAt").asText())).append(" · ")
                .append(escape(doc.path("machine").asText())).append(" · corpus ")
                .append(escape(abbreviate(doc.path("corpusHash").asText(), 12))).append(" · ")
                .append(doc.path("folds").asInt()).append(" grouped folds, seed ").append(doc.path("seed").asLong())
                .append(String.format(Locale.ROOT, " · %.0f s", doc.path("seconds").asDouble())).append("</p>");
        summary(h, doc, models);
        for (JsonNode head : doc.path("heads")) {
            headSection(h, doc, models, head);
        }
        calibration(h, doc);
        slices(h, doc, models);
        if (doc.path("notes").size() > 0) {
            h.append("<h2>Notes</h2><ul>");
            doc.path("notes").forEach(n -> h.append("<li>").append(escape(n.asText())).append("</li>"));
            h.append("</ul>");
        }
        return h.append("</body></html>").toString();
    }

    private static void summary(StringBuilder h, JsonNode doc, List<String> models) {
        h.append("<h2>Gold units: macro-F1 (accuracy)</h2><table><tr><th>head</th>");
        models.forEach(m -> h.append("<th>").append(escape(m)).append("</th>"));
        h.append("<th>dlbugs − tfidf-logreg</th></tr>");
        for (JsonNode head : doc.path("heads")) {
            String name = head.path("name").asText();
            Map<String, JsonNode> byModel = results(doc, "gold", name);
            double best = byModel.values().stream().mapToDouble(r -> r.path("macroF1").asDouble()).max().orElse(0);
            h.append("<tr><td>").append(escape(name)).append("</td>");
            for (String m : models) {
                JsonNode r = byModel.get(m);
                String cell = r == null ? "–" : String.format(Locale.ROOT, "%.3f (%.2f)", r.path("macroF1").asDouble(),
                        r.path("accuracy").asDouble());
                boolean bold = r != null && r.path("macroF1").asDouble() == best;
                h.append("<td>").append(bold ? "<b>" + cell + "</b>" : cell).append(spread(doc, name, m)).append("</td>");
            }
            JsonNode d = byModel.get(CALIBRATED);
            JsonNode t = byModel.get("tfidf-logreg");
            h.append("<td>").append(d == null || t == null ? "–" : String.format(Locale.ROOT, "%+.3f",
                    d.path("macroF1").asDouble() - t.path("macroF1").asDouble())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String spread(JsonNode doc, String head, String model) {
        for (JsonNode s : doc.path("seedSpread")) {
            if (s.path("head").asText().equals(head) && s.path("model").asText().equals(model)) {
                return String.format(Locale.ROOT, "<br><small>%.3f ± %.3f over %d seeds</small>",
                        s.path("mean").asDouble(), s.path("std").asDouble(), s.path("values").size());
            }
        }
        return "";
    }

    private static void headSection(StringBuilder h, JsonNode doc, List<String> models, JsonNode head) {
        String name = head.path("name").asText();
        List<String> labels = strings(head.path("labels"));
        Map<String, JsonNode> byModel = results(doc, "gold", name);
        h.append("<h2>").append(escape(name)).append("</h2><div class='charts'>");
        List<String> series = new ArrayList<>();
        List<double[]> f1 = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (String m : models) {
            JsonNode r = byModel.get(m);
            if (r != null && r.has("perClass")) {
                series.add(m);
                double[] v = new double[labels.size()];
                rows.clear();
                int i = 0;
                for (JsonNode c : r.path("perClass")) {
                    v[i++] = c.path("f1").asDouble();
                    rows.add(c.path("label").asText() + " (" + c.path("support").asInt() + ")");
                }
                f1.add(v);
            }
        }
        if (!series.isEmpty()) {
            h.append(SvgCharts.groupedBars("per-class F1 (support)", rows, series,
                    f1.toArray(double[][]::new)));
        }
        JsonNode d = byModel.get(CALIBRATED);
        if (d != null && d.has("confusion")) {
            h.append(SvgCharts.heatMap("dlbugs confusion (rows: truth)", strings(d.path("confusion").path("labels")),
                    matrix(d.path("confusion").path("matrix"))));
        }
        if (d != null && d.has("reliability")) {
            h.append(SvgCharts.reliability(String.format(Locale.ROOT, "before calibration, ECE %.3f",
                    d.path("ece").asDouble()), bins(d.path("reliability"))));
        }
        if (d != null && d.has("reliabilityCalibrated")) {
            h.append(SvgCharts.reliability(String.format(Locale.ROOT, "after calibration, ECE %.3f",
                    d.path("eceCalibrated").asDouble()), bins(d.path("reliabilityCalibrated"))));
        }
        List<String> covSeries = new ArrayList<>();
        List<double[][]> cov = new ArrayList<>();
        for (String m : models) {
            JsonNode r = byModel.get(m);
            if (r != null && r.has("coverage")) {
                covSeries.add(m);
                List<double[]> pts = new ArrayList<>();
                r.path("coverage").forEach(p -> pts.add(new double[] {p.path("coverage").asDouble(), p.path("accuracy").asDouble()}));
                cov.add(pts.toArray(double[][]::new));
            }
        }
        if (!covSeries.isEmpty()) {
            h.append(SvgCharts.lines("accuracy of the most confident answers", "coverage", "accuracy", covSeries, cov));
        }
        h.append("</div>");
    }

    private static void calibration(StringBuilder h, JsonNode doc) {
        if (doc.path("calibration").size() == 0) {
            return;
        }
        h.append("<h2>Calibration (dlbugs)</h2><table><tr><th>head</th><th>temperature</th><th>ECE before</th>"
                + "<th>ECE after (cross-fitted)</th><th>threshold</th><th>precision at threshold</th><th>coverage</th></tr>");
        for (JsonNode c : doc.path("calibration")) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2f</td><td>%.3f</td><td>%.3f</td><td>%.2f</td><td>%s</td><td>%.2f</td></tr>",
                    escape(c.path("head").asText()), c.path("temperature").asDouble(), c.path("eceBefore").asDouble(),
                    c.path("eceAfter").asDouble(), c.path("threshold").asDouble(),
                    c.path("precision").isNumber() ? String.format(Locale.ROOT, "%.2f", c.path("precision").asDouble())
                            : "never reached", c.path("coverage").asDouble()));
        }
        h.append("</table>");
    }

    private static void slices(StringBuilder h, JsonNode doc, List<String> models) {
        h.append("<h2>All slices: n, macro-F1 (accuracy)</h2><table><tr><th>slice</th><th>head</th><th>n</th>");
        models.forEach(m -> h.append("<th>").append(escape(m)).append("</th>"));
        h.append("</tr>");
        Map<String, Map<String, Map<String, JsonNode>>> bySlice = new LinkedHashMap<>();
        for (JsonNode r : doc.path("results")) {
            bySlice.computeIfAbsent(r.path("slice").asText(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(r.path("head").asText(), x -> new LinkedHashMap<>()).put(r.path("model").asText(), r);
        }
        bySlice.forEach((slice, heads) -> heads.forEach((head, byModel) -> {
            h.append("<tr><td>").append(escape(slice)).append("</td><td>").append(escape(head)).append("</td><td>")
                    .append(byModel.values().iterator().next().path("n").asInt()).append("</td>");
            for (String m : models) {
                JsonNode r = byModel.get(m);
                h.append("<td>").append(r == null ? "–" : String.format(Locale.ROOT, "%.3f (%.2f)",
                        r.path("macroF1").asDouble(), r.path("accuracy").asDouble())).append("</td>");
            }
            h.append("</tr>");
        }));
        h.append("</table>");
    }

    private static Map<String, JsonNode> results(JsonNode doc, String slice, String head) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : doc.path("results")) {
            if (r.path("slice").asText().equals(slice) && r.path("head").asText().equals(head)) {
                out.put(r.path("model").asText(), r);
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static int[][] matrix(JsonNode m) {
        int[][] out = new int[m.size()][];
        for (int r = 0; r < m.size(); r++) {
            out[r] = new int[m.get(r).size()];
            for (int c = 0; c < m.get(r).size(); c++) {
                out[r][c] = m.get(r).get(c).asInt();
            }
        }
        return out;
    }

    private static double[][] bins(JsonNode bins) {
        List<double[]> out = new ArrayList<>();
        bins.forEach(b -> out.add(new double[] {b.path("low").asDouble(), b.path("high").asDouble(),
                b.path("count").asDouble(), b.path("confidence").asDouble(), b.path("accuracy").asDouble()}));
        return out.toArray(double[][]::new);
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    /** @return text safe inside HTML and SVG elements and attributes */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
