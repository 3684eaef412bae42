package dlbugs.train.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dlbugs.train.eval.HtmlReportText.escape;
import static dlbugs.train.eval.HtmlReportText.fixed;
import static dlbugs.train.eval.HtmlReportText.shorten;

/**
 * Renders the {@code metrics.json} of {@code dlbugs evaluate} (see {@code docs/metrics.md}) as one
 * self-contained HTML page: the run, a gold summary per head and model, per head the per-class F1
 * of every model, dlbugs' confusion matrix, its reliability before and after calibration and every
 * model's coverage-accuracy curve, then calibration, every slice and the notes. Nothing is fetched:
 * the style is inline and the charts are inline SVG. Parts the document lacks are left out.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:sans-serif;margin:24px;max-width:1360px;color:#222}"
            + "h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}"
            + "table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}"
            + "th{background:#f3f3f3}th.model{text-align:center}td.l,th.l{text-align:left}"
            + "td small{color:#555}td.missing{color:#aaa;text-align:center}tr.first td{border-top:2px solid #999}"
            + ".swatch{display:inline-block;width:10px;height:10px;margin-right:5px}"
            + "dl.run{display:grid;grid-template-columns:max-content auto;gap:2px 14px;font-size:14px}"
            + "dl.run dt{color:#555}dl.run dd{margin:0}code{font-size:13px}"
            + ".charts{display:flex;flex-wrap:wrap;gap:20px 28px;align-items:flex-start;margin:12px 0}"
            + "svg{max-width:100%;height:auto}.hint{color:#555;font-size:14px;max-width:1000px}"
            + "nav a{margin-right:12px}";

    private HtmlReport() {
    }

    /** @return the complete HTML page for a metrics document */
    public static String render(JsonNode metrics) {
        HtmlReportResults results = new HtmlReportResults(metrics);
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>")
                .append("<title>dlbugs evaluation</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>dlbugs evaluation</h1>");
        run(h, metrics);
        contents(h, metrics, results);
        HtmlReportTables.summary(h, metrics, results);
        heads(h, metrics, results);
        HtmlReportTables.calibration(h, metrics);
        HtmlReportTables.generalisation(h, metrics, results);
        HtmlReportTables.slices(h, results);
        notes(h, metrics);
        return h.append("</body></html>").toString();
    }

    private static void run(StringBuilder h, JsonNode doc) {
        h.append("<dl class='run'>");
        item(h, "command", doc.path("command").isMissingNode() ? null : "<code>" + escape(doc.path("command").asText()) + "</code>");
        item(h, "created", text(doc, "createdAt"));
        item(h, "machine", text(doc, "machine"));
        String hash = doc.path("corpusHash").asText("");
        item(h, "corpus hash", hash.isEmpty() ? null
                : "<code title='" + escape(hash) + "'>" + escape(shorten(hash, 13)) + "</code>");
        item(h, "folds", text(doc, "folds"));
        String seeds = doc.path("seeds").asInt(1) > 1 ? " (" + doc.path("seeds").asInt() + " runs from it)" : "";
        item(h, "seed", doc.path("seed").isMissingNode() ? null : escape(doc.path("seed").asText()) + seeds);
        item(h, "silver in training", doc.path("silverInTraining").isBoolean()
                ? (doc.path("silverInTraining").asBoolean() ? "yes" : "no") : null);
        double s = doc.path("seconds").asDouble(Double.NaN);
        item(h, "seconds", Double.isNaN(s) ? null : fixed(s, 1) + (s >= 120 ? " (" + fixed(s / 60, 1) + " min)" : ""));
        h.append("</dl>");
    }

    private static void item(StringBuilder h, String name, String html) {
        if (html != null) {
            h.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>");
        }
    }

    private static String text(JsonNode doc, String field) {
        return doc.path(field).isValueNode() ? escape(doc.path(field).asText()) : null;
    }

    private static void contents(StringBuilder h, JsonNode doc, HtmlReportResults results) {
        h.append("<nav><a href='#summary'>summary</a>");
        for (int i = 0; i < results.heads().size(); i++) {
            h.append("<a href='#head-").append(i).append("'>").append(escape(results.heads().get(i))).append("</a>");
        }
        h.append(doc.path("calibration").size() > 0 ? "<a href='#calibration'>calibration</a>" : "")
                .append(doc.path("generalisation").size() > 0 ? "<a href='#generalisation'>generalisation</a>" : "")
                .append("<a href='#slices'>all slices</a>")
                .append(doc.path("notes").size() > 0 ? "<a href='#notes'>notes</a>" : "").append("</nav>");
    }

    private static void heads(StringBuilder h, JsonNode doc, HtmlReportResults results) {
        h.append("<p class='hint'>Per head, on the gold units: F1 per class of every model (class support in brackets); ")
                .append("the confusion matrix of ").append(escape(results.mainModel()))
                .append(" (each cell shaded by its share of the true class, count printed); its reliability diagrams, ")
                .append("where bars show the accuracy of the answers in each confidence bin (their count under the axis, ")
                .append("a dot at their mean confidence) and a calibrated model's dots lie on the diagonal; and accuracy when only the most confident ")
                .append("answers are kept, against the share kept (coverage).</p>");
        for (int i = 0; i < results.heads().size(); i++) {
            String head = results.heads().get(i);
            h.append("<section id='head-").append(i).append("'><h2>").append(escape(head)).append("</h2>")
                    .append(new HtmlReportHead(results, head, labels(doc, head)).render()).append("</section>");
        }
    }

    private static List<String> labels(JsonNode doc, String head) {
        for (JsonNode node : doc.path("heads")) {
            if (node.path("name").asText().equals(head)) {
                return strings(node.path("labels"));
            }
        }
        return List.of();
    }

    private static void notes(StringBuilder h, JsonNode doc) {
        if (doc.path("notes").size() == 0) {
            return;
        }
        h.append("<h2 id='notes'>Notes</h2><ul>");
        doc.path("notes").forEach(n -> h.append("<li>").append(escape(n.asText())).append("</li>"));
        h.append("</ul>");
    }

    /** @return the texts of a JSON array; empty if the node is not one */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
