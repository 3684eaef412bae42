package dlbugs.model.predict;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.bundle.BundleManifest;
import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.ReportKind;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.rules.CosmeticDiff;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When an answer is accepted: the rules the predictor applies on top of its thresholds. */
class AcceptanceTest {

    private static final BundlePredictor SHIPPED = load();

    private static BundlePredictor load() {
        try {
            return BundlePredictor.load(Path.of(System.getProperty("dlbugs.shippedBundle")));
        } catch (BundleFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String TYPO = "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n"
            + "@@ -1,3 +1,3 @@\n # Examples\n-Teh model is trained on MNIST\n+The model is trained on MNIST\n";
    private static final String COMMENT = "diff --git a/train.py b/train.py\n--- a/train.py\n+++ b/train.py\n"
            + "@@ -10,4 +10,4 @@ def train(model, loader):\n     for x, y in loader:\n-        # compute teh loss\n"
            + "+        # compute the loss\n         loss = F.nll_loss(model(x), y)\n";

    @Test
    void a_typo_only_and_a_comment_only_diff_are_not_dl_bugs_and_say_why() {
        for (BugReport fix : List.of(new BugReport("fix typo", "", TYPO, "torch"),
                new BugReport("fixed", "", COMMENT, "torch"))) {
            Prediction p = SHIPPED.predict(fix);
            HeadPrediction dlBug = p.head(Taxonomy.DL_BUG);
            assertThat(dlBug.label()).isEqualTo(Taxonomy.NOT_DL_BUG);
            assertThat(dlBug.confidence()).isEqualTo(1.0);
            assertThat(dlBug.accepted()).isTrue();
            assertThat(dlBug.reason()).isEqualTo(CosmeticDiff.REASON);
            assertThat(p.heads()).filteredOn(h -> !h.head().equals(Taxonomy.DL_BUG))
                    .isNotEmpty().allSatisfy(h -> {
                        assertThat(h.accepted()).as(h.head()).isFalse();
                        assertThat(h.reason()).isEqualTo(Prediction.NOT_A_DL_BUG);
                    });
        }
    }

    @Test
    void no_head_is_accepted_when_dl_bug_does_not_accept_the_report_as_a_dl_bug() {
        List<BugReport> reports = List.of(new BugReport("How do I install tensorflow on windows?", "", "", ""),
                new BugReport("Feature request: support for ONNX export", "It would be nice to export models", "", "torch"),
                new BugReport("ValueError: Error when checking input: expected dense_1_input to have shape (784,)",
                        "but got array with shape (28, 28)", "", "keras"),
                new BugReport("fix shape", "", COMMENT.replace("# compute teh loss", "x = x.view(-1)"), "torch"));
        for (BugReport r : reports) {
            for (Prediction p : List.of(SHIPPED.predict(r), SHIPPED.predict(r).withThreshold(0.0),
                    SHIPPED.predict(r).withThreshold(0.99))) {
                HeadPrediction dlBug = p.head(Taxonomy.DL_BUG);
                if (!(dlBug.accepted() && dlBug.label().equals(Taxonomy.IS_DL_BUG))) {
                    assertThat(p.heads()).filteredOn(h -> !h.head().equals(Taxonomy.DL_BUG)).noneMatch(HeadPrediction::accepted);
                }
            }
        }
        // a threshold of 0 accepts dl_bug's answer whatever it is: the heads follow it, in both directions
        Prediction shape = SHIPPED.predict(reports.get(2)).withThreshold(0.0);
        assertThat(shape.head(Taxonomy.DL_BUG).label()).isEqualTo(Taxonomy.IS_DL_BUG);
        assertThat(shape.heads()).allMatch(HeadPrediction::accepted);
    }

    @Test
    void a_report_is_judged_by_the_thresholds_of_its_kind() {
        BundlePredictor kinds = withCalibration(SHIPPED.bundle(), Map.of(
                Taxonomy.DL_BUG, Map.of("issue", point(0), "commit", point(0)),
                Taxonomy.EFFECT, Map.of("issue", point(1.0), "commit", point(0))));
        BugReport text = new BugReport("Loss is NaN", "the loss becomes nan after two epochs", "", "keras");

        assertThat(ReportKind.of(text)).isEqualTo(ReportKind.ISSUE);
        assertThat(kinds.predict(text).head(Taxonomy.EFFECT).accepted()).isFalse();
        assertThat(kinds.predict(text).head(Taxonomy.EFFECT).threshold()).isEqualTo(1.0);
        BugReport asCommit = new BugReport(text.title(), text.text(), "", "keras", ReportKind.COMMIT);
        assertThat(kinds.predict(asCommit).head(Taxonomy.EFFECT).accepted()).isTrue();
        assertThat(kinds.predict(asCommit).head(Taxonomy.EFFECT).threshold()).isEqualTo(0.0);
        // a kind without its own calibration (question) falls back to the head's
        BugReport asQuestion = new BugReport(text.title(), text.text(), "", "keras", ReportKind.QUESTION);
        assertThat(kinds.predict(asQuestion).head(Taxonomy.EFFECT).threshold())
                .isEqualTo(SHIPPED.bundle().manifest().calibrationOf(Taxonomy.EFFECT).threshold());
    }

    private static HeadCalibration.KindCalibration point(double threshold) {
        return new HeadCalibration.KindCalibration(1.0, threshold, 0.9, 0.5, 100, 0.85, 0.45);
    }

    private static BundlePredictor withCalibration(ModelBundle b, Map<String, Map<String, HeadCalibration.KindCalibration>> kinds) {
        BundleManifest m = b.manifest();
        List<HeadCalibration> cal = m.taxonomy().heads().stream().map(h -> {
            HeadCalibration c = m.calibrationOf(h.name());
            return new HeadCalibration(c.head(), c.temperature(), c.threshold(), c.precision(), c.coverage(),
                    kinds.getOrDefault(h.name(), Map.of()));
        }).toList();
        BundleManifest changed = new BundleManifest(m.formatVersion(), m.name(), m.version(), m.taxonomy(), m.features(),
                m.network(), m.provenance(), m.evaluation(), cal, m.embedding(), m.neighbours());
        return new BundlePredictor(new ModelBundle(changed, b.vocabulary(), b.network(), b.known()), new ProseTokenizer());
    }
}
