package dlbugs.train.training;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Head;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeightingTest {

    private static final List<String> HEADS = List.of("effect", "stage");

    private static LabelledItem item(Source source, Quality quality, String effect) {
        return new LabelledItem(effect + source, effect + source, source, quality, new BugReport("", "x", "", ""),
                Map.of("effect", Map.of(effect, 1)));
    }

    @Test
    void a_correction_weighs_as_gold_whatever_silver_weighs_unless_its_source_is_weighed_otherwise() {
        TrainingConfig halfSilver = TrainingConfig.defaults().toBuilder().silverWeight(0.5).weighting(Weighting.uniform(1))
                .build();
        LabelledItem corrected = item(Source.CORRECTIONS, Quality.CORRECTED, "Hang");
        assertThat(halfSilver.unitWeight(corrected)).isEqualTo(halfSilver.unitWeight(item(Source.GITHUB, Quality.GOLD, "Hang")))
                .isEqualTo(1.0);
        assertThat(halfSilver.unitWeight(item(Source.GITHUB_ISSUE, Quality.SILVER, "Hang"))).isEqualTo(0.5);
        assertThat(halfSilver.withWeighting(Weighting.parse("corrections=2", HEADS)).unitWeight(corrected)).isEqualTo(2.0);
    }

    @Test
    void a_spec_reads_back_from_its_own_text_and_sets_heads_and_sources_apart() {
        Weighting w = Weighting.parse("class-weight-power=0.5, effect=0 ,github_issues=3", HEADS);
        assertThat(w.power("effect")).isZero();
        assertThat(w.power("stage")).isEqualTo(0.5);
        assertThat(w.sourceWeight(item(Source.GITHUB_ISSUE, Quality.SILVER, "Crash"))).isEqualTo(3);
        assertThat(w.sourceWeight(item(Source.GITHUB, Quality.GOLD, "Crash"))).isEqualTo(1);
        assertThat(w.toString()).isEqualTo("class-weight-power=0.5,effect=0,github_issues=3");
        assertThat(Weighting.parse(w.toString(), HEADS)).isEqualTo(w);
        assertThat(Weighting.parse("stage=0", HEADS).power("effect")).as("the default power is 1").isEqualTo(1);
    }

    @Test
    void a_bad_spec_says_what_is_wrong() {
        assertThatThrownBy(() -> Weighting.parse("cause=1", HEADS)).hasMessageContaining("unknown weighting 'cause'")
                .hasMessageContaining("effect, stage").hasMessageContaining("github_issues");
        assertThatThrownBy(() -> Weighting.parse("effect", HEADS)).hasMessageContaining("expected NAME=NUMBER");
        assertThatThrownBy(() -> Weighting.parse("effect=high", HEADS)).hasMessageContaining("'high' is not a number");
        assertThatThrownBy(() -> Weighting.parse("effect=-1", HEADS)).hasMessageContaining(">= 0");
    }

    @Test
    void a_unit_weighs_its_source_weight_times_the_silver_weight() {
        TrainingConfig c = TrainingConfig.defaults().withWeighting(Weighting.parse("github_issues=2", HEADS));
        assertThat(c.unitWeight(item(Source.GITHUB_ISSUE, Quality.SILVER, "Crash"))).isEqualTo(2 * c.silverWeight());
        assertThat(c.unitWeight(item(Source.GITHUB, Quality.GOLD, "Crash"))).isEqualTo(1);
    }

    @Test
    void class_weights_follow_the_heads_own_power_and_count_units_by_their_weight() {
        Head effect = new Head("effect", "Effect", List.of("Crash", "Hang"), Map.of("Crash", "c", "Hang", "h"));
        List<LabelledItem> train = List.of(item(Source.GITHUB, Quality.GOLD, "Crash"),
                item(Source.STACKOVERFLOW, Quality.GOLD, "Crash"), item(Source.GITHUB_ISSUE, Quality.SILVER, "Crash"),
                item(Source.GITHUB, Quality.GOLD, "Hang"));
        TrainingConfig balanced = TrainingConfig.defaults().withWeighting(Weighting.parse("stage=0", HEADS));
        List<Double> w = ClassWeights.of(effect, train, balanced);
        // 3 Crash, 1 Hang, fully balanced: Hang weighs 3 times Crash; the mean unit still weighs 1
        assertThat(w.get(1) / w.get(0)).isCloseTo(3, within(1e-9));
        assertThat((3 * w.get(0) + w.get(1)) / 4).isCloseTo(1, within(1e-9));

        TrainingConfig issuesTwice = balanced.withWeighting(Weighting.parse("github_issues=2", HEADS));
        List<Double> w2 = ClassWeights.of(effect, train, issuesTwice);
        assertThat(w2.get(1) / w2.get(0)).as("the issue counts twice: 4 Crash to 1 Hang").isCloseTo(4, within(1e-9));

        assertThat(ClassWeights.of(effect, train, TrainingConfig.defaults().withWeighting(Weighting.parse("effect=0", HEADS))))
                .as("power 0: no weights").isEmpty();
    }
}
