package dlbugs.train.training;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.features.Vocabulary;
import dlbugs.model.network.HeadSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.dataset.MultiDataSet;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingDataTest {

    private static final List<HeadSpec> HEADS = List.of(
            new HeadSpec("effect", List.of("Crash", "Hang"), List.of()), new HeadSpec("stage", List.of("Training", "Prediction"), List.of()));

    private static LabelledItem item(String id, Quality q, Map<String, Map<String, Integer>> votes) {
        return new LabelledItem(id, id, Source.GITHUB, q, new BugReport("", "x", "", ""), votes);
    }

    private static double halfForSilver(LabelledItem item) {
        return item.quality() == Quality.SILVER ? 0.5 : 1.0;
    }

    @Test
    void masks_missing_heads_weighs_silver_and_turns_votes_into_distributions() {
        LabelledItem twoVotes = item("a", Quality.GOLD, Map.of("effect", Map.of("Crash", 3, "Hang", 1)));
        LabelledItem silver = item("b", Quality.SILVER, Map.of("effect", Map.of("Hang", 1), "stage", Map.of("Training", 1)));
        Map<LabelledItem, Map<String, Integer>> features = new IdentityHashMap<>();
        features.put(twoVotes, Map.of("w:x", 1));
        features.put(silver, Map.of("w:x", 1));
        MultiDataSet data = TrainingData.of(List.of(twoVotes, silver), features::get,
                new Vocabulary(List.of("w:x"), new float[] {1f}), HEADS, TrainingDataTest::halfForSilver);

        assertThat(data.getLabels(0).getRow(0).toDoubleVector()).containsExactly(new double[] {0.75, 0.25}, within(1e-6));
        assertThat(data.getLabelsMaskArray(0).toDoubleVector()).containsExactly(1.0, 0.5);
        // the gold unit has no stage: masked out of that head's loss, its target all zeros
        assertThat(data.getLabelsMaskArray(1).toDoubleVector()).containsExactly(0.0, 0.5);
        assertThat(data.getLabels(1).getRow(0).toDoubleVector()).containsExactly(0.0, 0.0);
        assertThat(data.getLabels(1).getRow(1).toDoubleVector()).containsExactly(1.0, 0.0);

        MultiDataSet batch = TrainingData.rows(data, new int[] {1});
        assertThat(batch.getLabelsMaskArray(1).toDoubleVector()).containsExactly(0.5);
        assertThat(batch.getFeatures(0).getDouble(0, 0)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void an_issue_that_is_not_a_dl_bug_trains_no_head() {
        LabelledItem notBug = new LabelledItem("gi0002", "gi0002", Source.GITHUB_ISSUE, Quality.SILVER,
                new BugReport("How do I install it?", "pip fails", "", ""), Map.of(), false);
        MultiDataSet data = TrainingData.of(List.of(notBug), i -> Map.of("w:x", 1),
                new Vocabulary(List.of("w:x"), new float[] {1f}), HEADS, TrainingDataTest::halfForSilver);
        for (int h = 0; h < HEADS.size(); h++) {
            assertThat(data.getLabelsMaskArray(h).toDoubleVector()).containsExactly(0.0);
        }
    }

    @Test
    void a_gathered_mini_batch_holds_exactly_the_rows_asked_for_in_their_order() {
        INDArray m = Nd4j.create(new float[][] {
                {1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}});
        int[] idx = {3, 0, 2};
        assertThat(TrainingData.rowsOf(m, idx)).isEqualTo(m.getRows(idx));
        INDArray mask = Nd4j.create(new float[][] {{1}, {0}, {0.5f}, {1}});
        assertThat(TrainingData.rowsOf(mask, idx).shape()).containsExactly(3, 1);
        assertThat(TrainingData.rowsOf(mask, idx).getFloat(2, 0)).isEqualTo(0.5f);
    }
}
