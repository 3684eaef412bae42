package dlbugs.train.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.testing.TrainedOnce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class HtmlReportTest {

    private static final List<String> MODELS = List.of("dlbugs", "tfidf-logreg", "fasttext");
    private static final List<String> EFFECT = List.of("Crash", "Hang", "List<T> & co");
    private static final List<String> STAGE = List.of("Training", "Prediction");

    @Test
    void page_is_self_contained() {
        String html = HtmlReport.render(document());
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>")
                .doesNotContain("src=\"http", "src='http", "<link", "<script", "@import", "url(");
    }

    @Test
    void names_every_head_and_model() {
        String html = HtmlReport.render(document());
        assertThat(html).contains("<h2>effect</h2>", "<h2>stage</h2>");
        MODELS.forEach(m -> assertThat(html).contains(">" + m + "</th>"));
    }

    @Test
    void escapes_text_that_comes_from_the_data() {
        String html = HtmlReport.render(document());
        assertThat(html).contains("List&lt;T&gt; &amp; co", "dlbugs evaluate &lt;&amp;&gt;", "&lt;script&gt;alert(1)")
                .doesNotContain("List<T>", "evaluate <&>", "<script>");
    }

    @Test
    void draws_every_chart_a_head_has_data_for() {
        String html = HtmlReport.render(document());
        // effect: per-class bars, confusion, reliability before and after, coverage; stage lacks the calibrated diagram
        assertThat(svgs(section(html, "effect"))).isEqualTo(5);
        assertThat(svgs(section(html, "stage"))).isEqualTo(4);
        assertThat(svgs(html)).isEqualTo(9);
        assertThat(section(html, "effect")).contains("before calibration, ECE 0.120", "after calibration, ECE 0.050");
    }

    @Test
    void bolds_the_best_macro_f1_of_each_head() {
        String summary = summary(HtmlReport.render(document()));
        assertThat(summary).contains("<b>0.400</b>", "<b>0.500</b>").doesNotContain("<b>0.310</b>", "<b>0.410</b>");
    }

    @Test
    void states_the_margin_of_dlbugs_over_tfidf_logreg() {
        String html = HtmlReport.render(document());
        assertThat(html).contains("dlbugs vs tfidf-logreg: −0.090 macro-F1", "dlbugs vs tfidf-logreg: +0.090 macro-F1");
    }

    @Test
    void shows_the_seed_spread_when_present() {
        ObjectNode doc = document();
        doc.putArray("seedSpread").addObject().put("head", "effect").put("model", "dlbugs").put("mean", 0.305)
                .put("std", 0.012).putArray("values").add(0.3).add(0.31);
        assertThat(summary(HtmlReport.render(doc))).contains("0.305 ± 0.012 over 2 seeds");
        assertThat(HtmlReport.render(document())).doesNotContain("±");
    }

    @Test
    void keeps_each_models_colour_when_another_model_is_missing() {
        String stage = section(HtmlReport.render(document()), "stage");
        String bars = stage.substring(0, stage.indexOf("</svg>"));
        // tfidf-logreg has no per-class scores on stage, so fasttext must keep the third colour
        assertThat(bars).contains("fill='#2ca02c'").doesNotContain("fill='#ff7f0e'");
    }

    @Test
    void tabulates_calibration_and_every_slice() {
        String html = HtmlReport.render(document());
        assertThat(html).contains("<h2 id='calibration'>", "not reached: nothing accepted", "<td>1.70</td>");
        assertThat(html.substring(html.indexOf("id='slices'"))).contains(">gold<", ">silver/stackoverflow<", ">gold/keras<")
                .contains("<td class='missing'>–</td>");
    }

    @Test
    void renders_a_document_without_optional_parts() {
        ObjectNode bare = MetricsDocument.JSON.createObjectNode();
        bare.putArray("models").add("majority");
        bare.putArray("heads").addObject().put("name", "effect").putArray("labels").add("Crash").add("Hang");
        bare.putArray("results").addObject().put("model", "majority").put("slice", "gold").put("head", "effect")
                .put("n", 3).put("accuracy", 0.5).put("macroF1", 0.3);
        String html = HtmlReport.render(bare);
        assertThat(html).contains("<h2>effect</h2>", "0.300").doesNotContain("<svg", "id='calibration'", "id='notes'");
        assertThatCode(() -> HtmlReport.render(MetricsDocument.JSON.createObjectNode())).doesNotThrowAnyException();
    }

    @Test
    void metrics_name_every_model_slice_and_head() throws Exception {
        Taxonomy taxonomy = Taxonomy.islam2019();
        ObjectNode doc = evaluated(taxonomy);
        assertThat(doc.path("models").toString()).isEqualTo("[\"dlbugs\",\"majority\"]");
        assertThat(doc.path("results").findValuesAsText("slice")).contains("gold", "silver/stackoverflow", "github_issues",
                "gold/github", "gold/stackoverflow", "gold/keras");
        // the issues that are not DL bugs have no labels, so only the DL bugs are scored on bug type
        List<LabelledItem> issues = TrainedOnce.corpus().items().stream()
                .filter(i -> i.source().equals(Source.GITHUB_ISSUE)).toList();
        long bugs = issues.stream().filter(i -> Boolean.TRUE.equals(i.dlBug())).count();
        assertThat(bugs).isLessThan(issues.size()).isPositive();
        for (var r : doc.path("results")) {
            if (r.path("slice").asText().equals("github_issues") && r.path("head").asText().equals(Taxonomy.BUG_TYPE)) {
                assertThat(r.path("n").asLong()).isEqualTo(bugs);
            }
        }
        assertThat(doc.path("calibration").size()).isEqualTo(taxonomy.heads().size());
        var goldBugType = StreamSupport.stream(doc.path("results").spliterator(), false)
                .filter(r -> r.path("slice").asText().equals("gold") && r.path("head").asText().equals(Taxonomy.BUG_TYPE))
                .findFirst().orElseThrow();
        var issuesDlBug = StreamSupport.stream(doc.path("results").spliterator(), false)
                .filter(r -> r.path("slice").asText().equals("github_issues") && r.path("head").asText().equals(Taxonomy.DL_BUG))
                .findFirst().orElseThrow();
        assertThat(issuesDlBug.path("n").asInt()).isEqualTo(issues.size());
        assertThat(issuesDlBug.path("rocAuc").asDouble()).isBetween(0.0, 1.0);
        assertThat(goldBugType.path("perClass").size()).isEqualTo(taxonomy.head(Taxonomy.BUG_TYPE).size());
        assertThat(goldBugType.path("reliabilityCalibrated").size()).isEqualTo(10);
    }

    @Test
    void renders_the_document_evaluate_builds() throws Exception {
        Taxonomy taxonomy = Taxonomy.islam2019();
        String html = HtmlReport.render(evaluated(taxonomy));
        taxonomy.heads().forEach(h -> assertThat(html).contains("<h2>" + h.name() + "</h2>"));
        assertThat(svgs(html)).isEqualTo(5 * taxonomy.heads().size());
    }

    // ---- a small hand-made document: heads effect (every part) and stage (parts missing) ----

    private static ObjectNode document() {
        ObjectNode doc = MetricsDocument.JSON.createObjectNode().put("command", "dlbugs evaluate <&>")
                .put("createdAt", "2026-11-25T21:00:00Z").put("machine", "2 cores, Linux amd64")
                .put("corpusHash", "c3ab84ab".repeat(8)).put("folds", 3).put("seed", 1).put("silverInTraining", true)
                .put("seconds", 12.5);
        MODELS.forEach(doc.putArray("models")::add);
        ArrayNode heads = doc.putArray("heads");
        heads.addObject().put("name", "effect").set("labels", strings(EFFECT));
        heads.addObject().put("name", "stage").set("labels", strings(STAGE));
        ArrayNode results = doc.putArray("results");
        gold(results, "dlbugs", "effect", 0.31, EFFECT, true);
        gold(results, "tfidf-logreg", "effect", 0.40, EFFECT, true);
        gold(results, "fasttext", "effect", 0.20, EFFECT, true);
        gold(results, "dlbugs", "stage", 0.50, STAGE, false);
        gold(results, "fasttext", "stage", 0.45, STAGE, false);
        results.addObject().put("model", "tfidf-logreg").put("slice", "gold").put("head", "stage")
                .put("n", 10).put("accuracy", 0.6).put("macroF1", 0.41);
        for (String slice : List.of("silver/stackoverflow", "gold/keras")) {
            results.addObject().put("model", "dlbugs").put("slice", slice).put("head", "effect")
                    .put("n", 4).put("accuracy", 0.5).put("macroF1", 0.25);
        }
        doc.putArray("calibration").addObject().put("head", "effect").put("temperature", 1.7).put("eceBefore", 0.12)
                .put("eceAfter", 0.05).put("threshold", 1.0).putNull("precision").put("coverage", 0.0);
        doc.putArray("notes").add("<script>alert(1)</script>");
        return doc;
    }

    private static void gold(ArrayNode results, String model, String head, double macroF1, List<String> labels,
                             boolean calibrated) {
        ObjectNode r = results.addObject().put("model", model).put("slice", "gold").put("head", head)
                .put("n", 10).put("accuracy", 0.6).put("macroF1", macroF1).put("ece", 0.12);
        ArrayNode perClass = r.putArray("perClass");
        labels.forEach(l -> perClass.addObject().put("label", l).put("precision", 0.5).put("recall", 0.5)
                .put("f1", macroF1).put("support", 3));
        ObjectNode confusion = r.putObject("confusion").set("labels", strings(labels));
        ArrayNode matrix = confusion.putArray("matrix");
        for (int row = 0; row < labels.size(); row++) {
            int[] counts = new int[labels.size()];
            Arrays.fill(counts, 1);
            counts[row] = 3;
            ArrayNode line = matrix.addArray();
            Arrays.stream(counts).forEach(line::add);
        }
        bins(r.putArray("reliability"));
        if (calibrated) {
            bins(r.putArray("reliabilityCalibrated"));
            r.put("eceCalibrated", 0.05);
        }
        ArrayNode coverage = r.putArray("coverage");
        for (int i = 1; i <= 10; i++) {
            coverage.addObject().put("coverage", i / 10.0).put("accuracy", 1 - i / 25.0).put("threshold", 1 - i / 10.0);
        }
    }

    private static void bins(ArrayNode bins) {
        for (int i = 0; i < 10; i++) {
            bins.addObject().put("low", i / 10.0).put("high", (i + 1) / 10.0).put("count", i)
                    .put("confidence", i / 10.0 + 0.05).put("accuracy", i / 10.0);
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = MetricsDocument.JSON.createArrayNode();
        values.forEach(out::add);
        return out;
    }

    private static int svgs(String html) {
        return html.split("<svg", -1).length - 1;
    }

    private static String section(String html, String head) {
        int start = html.indexOf("<h2>" + head + "</h2>");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String summary(String html) {
        return html.substring(html.indexOf("id='summary'"), html.indexOf("<section"));
    }

    // ---- the document evaluate writes, from a real (small) cross-validation ----

    private static ObjectNode evaluated(Taxonomy taxonomy) throws Exception {
        CrossValidation cv = new CrossValidator(taxonomy).run(TrainedOnce.corpus().items(),
                List.of(new Peeker(), new MajorityModel()), 3, 1, true, (m, f, n) -> { });
        Calibrator calibrator = new Calibrator(taxonomy);
        return new MetricsDocument(taxonomy).build(Map.of("command", "dlbugs evaluate", "folds", 3, "seed", 1),
                cv, "dlbugs", calibrator.crossFitted(cv, "dlbugs"), calibrator.fit(cv, "dlbugs", 0.8));
    }

    /** Answers each unit's true label with 0.6 on every third unit, else the prior. */
    private static final class Peeker implements FoldModel {
        @Override
        public String name() {
            return "dlbugs";
        }

        @Override
        public FoldPredictions fitAndPredict(Taxonomy t, List<LabelledItem> train, List<LabelledItem> test, long seed) {
            FoldPredictions prior = new MajorityModel().fitAndPredict(t, train, test, seed);
            List<double[][]> out = new ArrayList<>(prior.byHead());
            for (int h = 0; h < t.heads().size(); h++) {
                var head = t.heads().get(h);
                for (int i = 0; i < test.size(); i += 3) {
                    int unit = i;
                    int headIndex = h;
                    test.get(i).majority(head.name()).ifPresent(l -> {
                        double[] row = new double[head.size()];
                        Arrays.fill(row, 0.4 / (head.size() - 1));
                        row[head.indexOf(l)] = 0.6;
                        out.get(headIndex)[unit] = row;
                    });
                }
            }
            return new FoldPredictions(out);
        }
    }
}
