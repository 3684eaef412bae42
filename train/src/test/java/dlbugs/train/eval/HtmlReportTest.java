package dlbugs.train.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.testing.TrainedOnce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private final Taxonomy taxonomy = Taxonomy.islam2019();

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
            for (int hh = 0; hh < t.heads().size(); hh++) {
                int h = hh;
                var head = t.heads().get(h);
                for (int i = 0; i < test.size(); i += 3) {
                    int idx = i;
                    test.get(i).majority(head.name()).ifPresent(l -> {
                        double[] row = new double[head.size()];
                        java.util.Arrays.fill(row, 0.4 / (head.size() - 1));
                        row[head.indexOf(l)] = 0.6;
                        out.get(h)[idx] = row;
                    });
                }
            }
            return new FoldPredictions(out);
        }
    }

    private ObjectNode document() throws Exception {
        CrossValidation cv = new CrossValidator(taxonomy).run(TrainedOnce.corpus().items(),
                List.of(new Peeker(), new MajorityModel()), 3, 1, true, (m, f, n) -> { });
        Calibrator calibrator = new Calibrator(taxonomy);
        return new MetricsDocument(taxonomy).build(Map.of("command", "dlbugs evaluate <&>", "folds", 3, "seed", 1),
                cv, "dlbugs", calibrator.crossFitted(cv, "dlbugs"), calibrator.fit(cv, "dlbugs", 0.8));
    }

    @Test
    void metrics_name_every_model_slice_and_head() throws Exception {
        ObjectNode doc = document();
        assertThat(doc.path("models").toString()).isEqualTo("[\"dlbugs\",\"majority\"]");
        assertThat(doc.path("results").findValuesAsText("slice")).contains("gold", "silver", "gold/github",
                "gold/stackoverflow", "gold/keras");
        assertThat(doc.path("calibration").size()).isEqualTo(taxonomy.heads().size());
        var goldBugType = doc.path("results").get(0);
        assertThat(goldBugType.path("perClass").size()).isEqualTo(taxonomy.head(Taxonomy.BUG_TYPE).size());
        assertThat(goldBugType.path("reliabilityCalibrated").size()).isEqualTo(10);
    }

    @Test
    void renders_a_self_contained_page_with_every_chart() throws Exception {
        String html = HtmlReport.render(document());
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>")
                .doesNotContain("src=\"http", "src='http", "<link", "<script");
        assertThat(html).contains("dlbugs evaluate &lt;&amp;&gt;").doesNotContain("evaluate <&>");
        taxonomy.heads().forEach(h -> assertThat(html).contains("<h2>" + h.name() + "</h2>"));
        // per head: per-class bars, confusion, reliability before and after, coverage
        assertThat(html.split("<svg", -1).length - 1).isEqualTo(5 * taxonomy.heads().size());
        assertThat(html).contains("<b>");
    }

    @Test
    void renders_a_document_without_optional_parts() {
        ObjectNode bare = MetricsDocument.JSON.createObjectNode();
        bare.putArray("models").add("majority");
        bare.putArray("heads").addObject().put("name", "effect").putArray("labels").add("Crash").add("Hang");
        bare.putArray("results").addObject().put("model", "majority").put("slice", "gold").put("head", "effect")
                .put("n", 3).put("accuracy", 0.5).put("macroF1", 0.3);
        assertThat(HtmlReport.render(bare)).contains("<h2>effect</h2>").doesNotContain("<svg");
    }
}
