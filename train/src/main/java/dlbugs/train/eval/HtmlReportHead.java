package dlbugs.train.eval;

import dlbugs.charts.SvgBarChart;
import dlbugs.charts.SvgHeatMap;
import dlbugs.charts.SvgLineChart;
import dlbugs.charts.SvgReliability;
import dlbugs.charts.SvgSeries;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dlbugs.train.eval.HtmlReportText.fixed;

/**
 * The charts of one head on the gold units: per-class F1 of every model, the main model's
 * confusion matrix and reliability before and after calibration, and every model's
 * coverage-accuracy curve. A chart whose data the document lacks is left out.
 */
final class HtmlReportHead {

    private final HtmlReportResults results;
    private final String head;
    private final List<String> labels;
    private final Map<String, JsonNode> gold;

    HtmlReportHead(HtmlReportResults results, String head, List<String> labels) {
        this.results = results;
        this.head = head;
        this.labels = labels;
        this.gold = results.ofReference(head);
    }

    /** @return the charts, in two rows: classes and confusion, then calibration and coverage */
    String render() {
        JsonNode main = gold.get(results.mainModel());
        StringBuilder h = new StringBuilder("<div class='charts'>");
        perClass().ifPresent(h::append);
        if (main != null && main.path("confusion").path("matrix").size() > 0) {
            h.append(SvgHeatMap.render(results.mainModel() + " confusion on gold",
                    confusionLabels(main.path("confusion")), matrix(main.path("confusion").path("matrix"))));
        }
        h.append("</div><div class='charts'>");
        if (main != null) {
            reliability(h, main, "reliability", "ece", "before calibration");
            reliability(h, main, "reliabilityCalibrated", "eceCalibrated", "after calibration");
        }
        coverage().ifPresent(h::append);
        return h.append("</div>").toString();
    }

    private Optional<String> perClass() {
        List<SvgSeries> series = new ArrayList<>();
        Map<String, Integer> support = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>(labels);
        gold.forEach((model, r) -> {
            Map<String, Double> f1 = new LinkedHashMap<>();
            r.path("perClass").forEach(c -> {
                f1.put(c.path("label").asText(), c.path("f1").asDouble(Double.NaN));
                support.putIfAbsent(c.path("label").asText(), c.path("support").asInt());
            });
            f1.keySet().stream().filter(l -> !rows.contains(l)).forEach(rows::add);
            if (!f1.isEmpty()) {
                series.add(new SvgSeries(model, results.colour(model),
                        rows.stream().map(l -> new double[] {f1.getOrDefault(l, Double.NaN)}).toList()));
            }
        });
        if (series.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = rows.stream().map(l -> l + (support.containsKey(l) ? " (" + support.get(l) + ")" : "")).toList();
        return Optional.of(SvgBarChart.render("F1 per class on gold (support)", "F1", named, series));
    }

    private void reliability(StringBuilder h, JsonNode r, String field, String eceField, String when) {
        if (r.path(field).size() == 0) {
            return;
        }
        List<SvgReliability.Bin> bins = new ArrayList<>();
        r.path(field).forEach(b -> bins.add(new SvgReliability.Bin(b.path("low").asDouble(), b.path("high").asDouble(),
                b.path("count").asInt(), b.path("confidence").asDouble(), b.path("accuracy").asDouble())));
        String ece = r.path(eceField).isNumber() ? ", ECE " + fixed(r.path(eceField).asDouble(), 3) : "";
        h.append(SvgReliability.render(results.mainModel() + " " + when + ece, results.colour(results.mainModel()), bins));
    }

    private Optional<String> coverage() {
        List<SvgSeries> series = new ArrayList<>();
        gold.forEach((model, r) -> {
            List<double[]> points = new ArrayList<>();
            r.path("coverage").forEach(p -> points.add(new double[] {p.path("coverage").asDouble(), p.path("accuracy").asDouble()}));
            if (!points.isEmpty()) {
                series.add(new SvgSeries(model, results.colour(model), points));
            }
        });
        return series.isEmpty() ? Optional.empty()
                : Optional.of(SvgLineChart.render("accuracy of the most confident answers", "coverage", "accuracy", series));
    }

    private List<String> confusionLabels(JsonNode confusion) {
        List<String> own = HtmlReport.strings(confusion.path("labels"));
        return own.isEmpty() ? labels : own;
    }

    private static int[][] matrix(JsonNode m) {
        int[][] out = new int[m.size()][];
        for (int r = 0; r < m.size(); r++) {
            out[r] = new int[m.get(r).size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = m.get(r).get(c).asInt();
            }
        }
        return out;
    }
}
