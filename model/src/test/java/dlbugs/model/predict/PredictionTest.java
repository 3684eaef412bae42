package dlbugs.model.predict;

import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionTest {

    private static HeadPrediction head(String name, String label, double confidence, double threshold) {
        return new HeadPrediction(name, label, confidence, List.of(new HeadPrediction.LabelScore(label, confidence)),
                threshold);
    }

    @Test
    void every_head_follows_dl_bug_when_it_does_not_accept_the_report_as_a_dl_bug() {
        Prediction unsure = new Prediction(List.of(head(Taxonomy.DL_BUG, Taxonomy.IS_DL_BUG, 0.6, 0.7),
                head("effect", "Crash", 0.95, 0.5), head("stage", "Training", 0.3, 0.5))).gated();
        assertThat(unsure.head("effect").accepted()).isFalse();
        assertThat(unsure.head("effect").reason()).isEqualTo(Prediction.NOT_A_DL_BUG);
        assertThat(unsure.head("stage").reason()).isEqualTo(Prediction.NOT_A_DL_BUG);
        assertThat(unsure.head(Taxonomy.DL_BUG).reason()).isNull();

        Prediction notABug = new Prediction(List.of(head(Taxonomy.DL_BUG, Taxonomy.NOT_DL_BUG, 0.95, 0.7),
                head("effect", "Crash", 0.95, 0.5))).gated();
        assertThat(notABug.head(Taxonomy.DL_BUG).accepted()).isTrue();
        assertThat(notABug.head("effect").accepted()).isFalse();

        Prediction bug = new Prediction(List.of(head(Taxonomy.DL_BUG, Taxonomy.IS_DL_BUG, 0.9, 0.7),
                head("effect", "Crash", 0.95, 0.5), head("stage", "Training", 0.3, 0.5))).gated();
        assertThat(bug.head("effect").accepted()).isTrue();
        assertThat(bug.head("effect").reason()).isNull();
        assertThat(bug.head("stage").accepted()).isFalse();
    }

    @Test
    void a_callers_threshold_judges_every_head_again_and_the_gate_follows() {
        Prediction gated = new Prediction(List.of(head(Taxonomy.DL_BUG, Taxonomy.IS_DL_BUG, 0.6, 0.7),
                head("effect", "Crash", 0.95, 0.5))).gated();
        Prediction lower = gated.withThreshold(0.5);
        assertThat(lower.head(Taxonomy.DL_BUG).accepted()).isTrue();
        assertThat(lower.head("effect").accepted()).isTrue();
        assertThat(lower.head("effect").reason()).isNull();
        assertThat(lower.head("effect").threshold()).isEqualTo(0.5);
        Prediction higher = lower.withThreshold(0.65);
        assertThat(higher.head("effect").accepted()).isFalse();
        assertThat(higher.head("effect").reason()).isEqualTo(Prediction.NOT_A_DL_BUG);
    }

    @Test
    void an_answer_a_rule_made_certain_keeps_its_reason_under_any_threshold() {
        HeadPrediction certain = new HeadPrediction(Taxonomy.DL_BUG, Taxonomy.NOT_DL_BUG, 1.0,
                List.of(new HeadPrediction.LabelScore(Taxonomy.NOT_DL_BUG, 1.0)), 0.8).certain("cosmetic");
        Prediction p = new Prediction(List.of(certain, head("effect", "Crash", 0.99, 0.1))).gated().withThreshold(0.99);
        assertThat(p.head(Taxonomy.DL_BUG).accepted()).isTrue();
        assertThat(p.head(Taxonomy.DL_BUG).reason()).isEqualTo("cosmetic");
        assertThat(p.head("effect").accepted()).isFalse();
    }

    @Test
    void a_model_without_a_dl_bug_head_gates_nothing() {
        Prediction p = new Prediction(List.of(head("effect", "Crash", 0.95, 0.5))).gated();
        assertThat(p.head("effect").accepted()).isTrue();
    }
}
