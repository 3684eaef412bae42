package dlbugs.model.predict;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.features.BugReportFeatures;
import dlbugs.model.features.StopWords;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Occlusion explanations from the shipped bundle. */
class ExplainTest {

    private static final BundlePredictor PREDICTOR = load();

    private static BundlePredictor load() {
        try {
            return BundlePredictor.load(Path.of(System.getProperty("dlbugs.shippedBundle")));
        } catch (BundleFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void each_head_is_explained_by_features_of_the_report_that_raised_its_answer() {
        BugReport report = new BugReport("ValueError: cannot reshape array of size 784 into shape (28,28,3)",
                "model.fit fails with ValueError when reshaping the input", "", "keras");

        List<HeadExplanation> explanations = PREDICTOR.explain(report, 5);
        Prediction prediction = PREDICTOR.predict(report);

        assertThat(explanations).hasSize(prediction.heads().size());
        for (int h = 0; h < explanations.size(); h++) {
            HeadExplanation e = explanations.get(h);
            assertThat(e.head()).isEqualTo(prediction.heads().get(h).head());
            assertThat(e.label()).isEqualTo(prediction.heads().get(h).label());
            assertThat(e.top()).hasSizeLessThanOrEqualTo(5).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
            assertThat(e.top()).allSatisfy(a -> assertThat(a.weight()).isPositive());
        }
        assertThat(explanations.stream().flatMap(e -> e.top().stream()).map(Attribution::text))
                .anySatisfy(t -> assertThat(report.title().toLowerCase() + " " + report.text().toLowerCase()).contains(t.toLowerCase()));
    }

    @Test
    void the_strongest_feature_is_named_by_its_words_and_weighs_at_most_the_answer() {
        BugReport report = new BugReport("", "loss becomes nan after a few epochs with a high learning rate", "", "");
        HeadExplanation effect = PREDICTOR.explain(report, 3).stream().filter(e -> e.head().equals("effect")).findFirst()
                .orElseThrow();
        assertThat(effect.top()).isNotEmpty();
        Attribution strongest = effect.top().get(0);
        assertThat(BugReportFeatures.surface(strongest.feature())).isEqualTo(strongest.text());
        assertThat(strongest.weight()).isLessThanOrEqualTo(PREDICTOR.predict(report).head("effect").confidence());
    }

    @Test
    void function_words_are_never_offered_as_evidence() {
        BugReport report = new BugReport("Error when checking input", "expected dense_1_input to have shape (784,) but got "
                + "array with shape (28, 28); the model was trained with the data of the first epoch", "", "keras");
        List<Attribution> all = PREDICTOR.explain(report, 300).stream().flatMap(e -> e.top().stream()).toList();
        assertThat(all).isNotEmpty();
        assertThat(all).extracting(Attribution::text).filteredOn(t -> !t.isEmpty()).noneMatch(StopWords::onlyStopWords)
                .doesNotContain("with", "of", "to have", "the", "was");
    }

    @Test
    void surface_text_strips_the_feature_kind() {
        assertThat(BugReportFeatures.surface("w:reshape")).isEqualTo("reshape");
        assertThat(BugReportFeatures.surface("b:cannot_reshape")).isEqualTo("cannot reshape");
        assertThat(BugReportFeatures.surface("add:api:tf.cast")).isEqualTo("tf.cast");
        assertThat(BugReportFeatures.surface("err:ValueError")).isEqualTo("ValueError");
        assertThat(BugReportFeatures.surface("has:prose-only")).isEqualTo("(the report has no diff)");
        assertThat(BugReportFeatures.surface("has:code")).isEqualTo("(the report has a diff)");
    }

    @Test
    void every_feature_offered_as_evidence_says_something_a_person_can_read() {
        BugReport prose = new BugReport("Loss is NaN", "the loss becomes nan after two epochs of training", "", "");
        BugReport diff = new BugReport("fix reshape", "", "--- a/m.py\n+++ b/m.py\n@@ -1 +1 @@\n-x = tf.reshape(y, [28])\n+x = tf.reshape(y, [784])\n", "");
        for (BugReport report : List.of(prose, diff)) {
            List<Attribution> all = PREDICTOR.explain(report, 300).stream().flatMap(e -> e.top().stream()).toList();
            assertThat(all).isNotEmpty().allSatisfy(a -> assertThat(a.text()).as(a.feature()).isNotBlank());
        }
    }
}
