package dlbugs.train.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code results} of a metrics document indexed by slice, head and model, plus the models in
 * order and one colour per model, so every chart and table shows a model in the same colour.
 */
final class HtmlReportResults {

    /** The model whose confusion and calibration the page shows. */
    static final String MAIN_MODEL = "dlbugs";

    /** Tableau colours; the fourth, grey, falls to the majority baseline in the usual model order. */
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};

    private final List<String> models;
    private final List<String> heads;
    private final Map<String, Map<String, Map<String, JsonNode>>> bySlice = new LinkedHashMap<>();
    private final Map<String, String> reference = new LinkedHashMap<>();

    HtmlReportResults(JsonNode doc) {
        doc.path("calibration").forEach(c -> reference.put(c.path("head").asText(), c.path("reference").asText(Slices.GOLD)));
        Set<String> m = new LinkedHashSet<>(HtmlReport.strings(doc.path("models")));
        Set<String> h = new LinkedHashSet<>();
        doc.path("heads").forEach(head -> h.add(head.path("name").asText()));
        for (JsonNode r : doc.path("results")) {
            m.add(r.path("model").asText());
            h.add(r.path("head").asText());
            bySlice.computeIfAbsent(r.path("slice").asText(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(r.path("head").asText(), x -> new LinkedHashMap<>()).put(r.path("model").asText(), r);
        }
        models = List.copyOf(m);
        heads = List.copyOf(h);
    }

    /** @return the slice a head is judged on: gold, or all units for a head gold cannot judge */
    String reference(String head) {
        return reference.getOrDefault(head, Slices.GOLD);
    }

    /** @return the head's results on its reference slice, by model */
    Map<String, JsonNode> ofReference(String head) {
        return of(reference(head), head);
    }

    /** @return the models: those the document lists, then any others its results name */
    List<String> models() {
        return models;
    }

    /** @return the head names: those the document lists, then any others its results name */
    List<String> heads() {
        return heads;
    }

    /** @return the model whose confusion and reliability are drawn: dlbugs, else the first model */
    String mainModel() {
        return models.contains(MAIN_MODEL) || models.isEmpty() ? MAIN_MODEL : models.get(0);
    }

    /** @return the CSS colour of {@code model} */
    String colour(String model) {
        int i = models.indexOf(model);
        return PALETTE[Math.max(0, i) % PALETTE.length];
    }

    /** @return an HTML colour swatch of {@code model}, for table headers */
    String swatch(String model) {
        return "<span class='swatch' style='background:" + colour(model) + "'></span>";
    }

    /** @return the results of one slice and head by model, in model order; empty if none */
    Map<String, JsonNode> of(String slice, String head) {
        Map<String, JsonNode> found = bySlice.getOrDefault(slice, Map.of()).getOrDefault(head, Map.of());
        Map<String, JsonNode> out = new LinkedHashMap<>();
        models.stream().filter(found::containsKey).forEach(model -> out.put(model, found.get(model)));
        return out;
    }

    /** @return the slices: gold, then gold's parts, then the rest, each in document order */
    List<String> slices() {
        List<String> out = new ArrayList<>(bySlice.keySet());
        out.sort(Comparator.comparingInt(s -> s.equals(Slices.GOLD) ? 0 : s.startsWith(Slices.GOLD + "/") ? 1 : 2));
        return out;
    }

    /** @return the heads that have results in {@code slice}, in head order */
    List<String> heads(String slice) {
        Set<String> present = bySlice.getOrDefault(slice, Map.of()).keySet();
        return heads.stream().filter(present::contains).toList();
    }
}
