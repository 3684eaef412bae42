package dlbugs.model.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void scores_accuracy_macro_f1_per_class_and_confusion() {
        int[] truth = {0, 0, 1, 2};
        double[][] probs = {{.8, .1, .1}, {.2, .7, .1}, {.1, .8, .1}, {.1, .1, .8}};
        HeadScores s = Scorer.score("h", LABELS, truth, probs);
        assertThat(s.accuracy()).isEqualTo(0.75);
        assertThat(s.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        // a: p=1 r=.5 f1=2/3; b: p=.5 r=1 f1=2/3; c: 1
        assertThat(s.macroF1()).isCloseTo((2 / 3.0 + 2 / 3.0 + 1) / 3, within(1e-9));
        assertThat(s.perClass().get(0).support()).isEqualTo(2);
        assertThat(s.coverage().get(s.coverage().size() - 1).accuracy()).isEqualTo(0.75);
    }

    @Test
    void labels_absent_from_truth_and_answers_do_not_count_in_macro_f1() {
        HeadScores s = Scorer.score("h", LABELS, new int[] {0, 1}, new double[][] {{.9, .1, 0}, {.1, .9, 0}});
        assertThat(s.macroF1()).isEqualTo(1.0);
    }

    @Test
    void a_perfectly_calibrated_model_has_small_ece_and_an_overconfident_one_large() {
        Random r = new Random(1);
        int n = 4000;
        int[] truth = new int[n];
        double[][] honest = new double[n][];
        double[][] cocky = new double[n][];
        for (int i = 0; i < n; i++) {
            double p = 0.4 + 0.6 * r.nextDouble();
            truth[i] = r.nextDouble() < p ? 0 : 1;
            honest[i] = new double[] {p, 1 - p, 0};
            cocky[i] = TemperatureScaling.apply(honest[i], 0.3);
        }
        double eceHonest = Scorer.score("h", LABELS, truth, honest).ece();
        double eceCocky = Scorer.score("h", LABELS, truth, cocky).ece();
        assertThat(eceHonest).isLessThan(0.03);
        assertThat(eceCocky).isGreaterThan(0.1);
        double t = TemperatureScaling.fit(truth, cocky);
        assertThat(t).isCloseTo(1 / 0.3, within(0.5));
        double[][] fixed = new double[n][];
        for (int i = 0; i < n; i++) {
            fixed[i] = TemperatureScaling.apply(cocky[i], t);
        }
        assertThat(Scorer.score("h", LABELS, truth, fixed).ece()).isLessThan(0.03);
    }

    @Test
    void temperature_never_changes_the_answer() {
        double[] row = {0.2, 0.5, 0.3};
        for (double t : new double[] {0.3, 1, 4}) {
            double[] scaled = TemperatureScaling.apply(row, t);
            assertThat(Scorer.argmax(scaled)).isEqualTo(1);
            assertThat(scaled[0] + scaled[1] + scaled[2]).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void threshold_is_the_lowest_confidence_reaching_the_target_precision() {
        int n = 100;
        int[] truth = new int[n];
        double[][] probs = new double[n][];
        for (int i = 0; i < n; i++) {
            double conf = 0.99 - i * 0.005;              // most confident first
            truth[i] = i < 40 || i % 2 == 0 ? 0 : 1;     // the top 40 are right, then half
            probs[i] = new double[] {conf, 1 - conf, 0};
        }
        ThresholdChoice c = ThresholdChoice.choose(truth, probs, 0.8);
        assertThat(c.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(c.coverage()).isGreaterThan(0.4);
        assertThat(ThresholdChoice.choose(truth, probs, 0.95).coverage()).isLessThan(c.coverage());
    }

    @Test
    void a_precision_measured_on_few_answers_must_clear_the_target_by_a_margin() {
        for (int n : new int[] {12, 600}) {
            int[] truth = new int[n];
            double[][] probs = new double[n][];
            for (int i = 0; i < n; i++) {
                truth[i] = i % 6 == 5 ? 1 : 0;               // five in six right, all equally sure
                probs[i] = new double[] {0.9, 0.1, 0};
            }
            ThresholdChoice c = ThresholdChoice.choose(truth, probs, 0.8);
            if (n == 12) {
                assertThat(c).as("10 of 12 right does not show 80%").isEqualTo(ThresholdChoice.never());
            } else {
                assertThat(c.coverage()).as("500 of 600 right does").isEqualTo(1.0);
                assertThat(c.precision()).isCloseTo(5.0 / 6, within(1e-9));
            }
        }
    }

    @Test
    void a_head_that_never_reaches_the_target_precision_accepts_nothing() {
        int[] truth = new int[50];
        double[][] probs = new double[50][];
        for (int i = 0; i < 50; i++) {
            truth[i] = i % 2;                             // a coin toss whatever the confidence
            probs[i] = new double[] {0.9 - i * 0.005, 0.1 + i * 0.005, 0};
        }
        ThresholdChoice c = ThresholdChoice.choose(truth, probs, 0.8);
        assertThat(c).isEqualTo(ThresholdChoice.never());
        assertThat(c.threshold()).isEqualTo(1.0);
        assertThat(c.coverage()).isZero();
    }

    @Test
    void roc_auc_of_a_two_label_head_counts_pairs_ordered_right() {
        int[] truth = {0, 0, 1, 1};
        double[][] perfect = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.1, 0.9}};
        double[][] oneSwap = {{0.9, 0.1}, {0.2, 0.8}, {0.3, 0.7}, {0.1, 0.9}};
        assertThat(Scorer.score("h", List.of("a", "b"), truth, perfect).rocAuc()).isEqualTo(1.0);
        assertThat(Scorer.score("h", List.of("a", "b"), truth, oneSwap).rocAuc()).isEqualTo(0.75);
        assertThat(Scorer.score("h", List.of("a", "b"), new int[] {0, 0}, new double[][] {{0.9, 0.1}, {0.2, 0.8}}).rocAuc())
                .isNaN();
        assertThat(Scorer.score("h", List.of("a", "b", "c"), new int[] {0}, new double[][] {{0.5, 0.3, 0.2}}).rocAuc())
                .isNaN();
    }
}
