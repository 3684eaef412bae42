package dlbugs.train.eval;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.features.FeatureConfig;
import dlbugs.model.features.WordNgramFeatures;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.testing.TrainedOnce;
import dlbugs.train.training.FittedNetwork;
import dlbugs.train.training.NetworkTrainer;
import dlbugs.train.training.TrainingConfig;
import dlbugs.train.training.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CrossValidatorTest {

    private final Taxonomy taxonomy = Taxonomy.islam2019();

    /** Checks what each fold hands a model, and answers uniformly. */
    private static final class Recorder implements FoldModel {
        final List<Set<String>> testUnits = new ArrayList<>();
        boolean sawSilverInTraining;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public FoldPredictions fitAndPredict(Taxonomy t, List<LabelledItem> train, List<LabelledItem> test, long seed) {
            Set<String> trainGroups = train.stream().map(LabelledItem::groupId).collect(Collectors.toSet());
            assertThat(test).noneMatch(i -> trainGroups.contains(i.groupId()));
            Set<String> trainUnits = train.stream().map(LabelledItem::unitId).collect(Collectors.toSet());
            assertThat(test).noneMatch(i -> trainUnits.contains(i.unitId()));
            sawSilverInTraining |= train.stream().anyMatch(i -> i.quality() == Quality.SILVER);
            testUnits.add(test.stream().map(LabelledItem::unitId).collect(Collectors.toSet()));
            return new MajorityModel().fitAndPredict(t, train, test, seed);
        }
    }

    @Test
    void every_unit_is_predicted_once_by_a_model_that_never_trained_on_its_group() throws Exception {
        List<LabelledItem> items = TrainedOnce.corpus().items();
        Recorder recorder = new Recorder();
        CrossValidation cv = new CrossValidator(taxonomy).run(items, List.of(recorder), 5, 1, true, (m, f, n) -> { });
        assertThat(recorder.testUnits).hasSize(5);
        Set<String> all = new HashSet<>();
        for (Set<String> fold : recorder.testUnits) {
            assertThat(fold).isNotEmpty().allMatch(all::add);   // add fails on a unit seen in an earlier fold
        }
        assertThat(all).hasSize(items.size());
        int bugType = taxonomy.heads().indexOf(taxonomy.head(Taxonomy.BUG_TYPE));
        assertThat(Arrays.asList(cv.oof().get("recorder").get(bugType))).allMatch(row -> row != null && row.length == 12);
        assertThat(recorder.sawSilverInTraining).isTrue();
    }

    @Test
    void gold_only_training_keeps_silver_out_of_every_fit() throws Exception {
        Recorder recorder = new Recorder();
        new CrossValidator(taxonomy).run(TrainedOnce.corpus().items(), List.of(recorder), 3, 1, false, (m, f, n) -> { });
        assertThat(recorder.sawSilverInTraining).isFalse();
    }

    @Test
    void parallel_folds_give_the_same_predictions_as_sequential_ones() throws Exception {
        // A slice of the corpus is enough to see the two orders agree, and trains in seconds.
        List<LabelledItem> items = TrainedOnce.corpus().items().subList(0, 400);
        TrainingConfig config = TrainingConfig.defaults().withRun(3, 2, 3, TrainingConfig.defaults().corpus());
        NetworkTrainer trainer = new NetworkTrainer(taxonomy, new WordNgramFeatures(2000));
        FoldModel model = new dlbugs.train.training.DlbugsModel("m", trainer, config, TrainingListener.NONE);
        CrossValidation one = new CrossValidator(taxonomy, 1).run(items, List.of(model), 3, 3, true, (m, f, n) -> { });
        CrossValidation two = new CrossValidator(taxonomy, 2).run(items, List.of(model), 3, 3, true, (m, f, n) -> { });
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            assertThat(two.oof().get("m").get(h)).isDeepEqualTo(one.oof().get("m").get(h));
        }
    }

    private static LabelledItem unit(String id, String text) {
        return new LabelledItem(id, id, Source.STACKOVERFLOW, Quality.GOLD, new BugReport("", text, "", "keras"),
                Map.of(Taxonomy.EFFECT, Map.of(text.contains("crash") ? "Crash" : "Hang", 1)));
    }

    @Test
    void a_folds_vocabulary_never_sees_its_test_units() {
        List<LabelledItem> train = List.of(unit("a", "crash alpha beta"), unit("b", "crash alpha gamma"),
                unit("c", "hang beta gamma"), unit("d", "hang alpha beta"));
        List<LabelledItem> test = List.of(unit("e", "crash zeta omega"), unit("f", "hang zeta omega"));
        TrainingConfig config = TrainingConfig.defaults().withRun(1, 2, 0, TrainingConfig.defaults().corpus());
        NetworkTrainer trainer = new NetworkTrainer(taxonomy, new WordNgramFeatures(1000));
        FittedNetwork fitted = trainer.fit(train, config, "test", TrainingListener.NONE);
        assertThat(fitted.vocabulary().features()).contains("alpha", "crash").doesNotContain("zeta", "omega", "zeta omega");
        List<double[][]> probs = trainer.probabilities(fitted, test);
        Head effect = taxonomy.head(Taxonomy.EFFECT);
        assertThat(Arrays.asList(probs.get(taxonomy.heads().indexOf(effect)))).hasSize(2)
                .allMatch(r -> Math.abs(Arrays.stream(r).sum() - 1) < 1e-4);
        assertThat(FeatureConfig.defaults().minDocFreq()).isEqualTo(2);
    }
}
