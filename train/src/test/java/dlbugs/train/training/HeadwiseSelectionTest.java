package dlbugs.train.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.CrossValidation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadwiseSelectionTest {

    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
            new Head("effect", "Effect", List.of("Crash", "Hang"), Map.of("Crash", "c", "Hang", "h")),
            new Head("stage", "Stage", List.of("Training", "Prediction"), Map.of("Training", "t", "Prediction", "p")),
            new Head("root_cause", "Root cause", List.of("UT", "APIM"), Map.of("UT", "u", "APIM", "a"))));

    private static final TrainingConfig BASE = TrainingConfig.defaults();
    private static final List<TrainingConfig> CANDIDATES = List.of(
            BASE.withWeighting(Weighting.uniform(0)), BASE.withWeighting(Weighting.uniform(0.5)),
            BASE.withWeighting(Weighting.uniform(1)));

    /** Four gold units, each labelled Crash/Training/UT. */
    private static List<LabelledItem> items() {
        List<LabelledItem> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(new LabelledItem("u" + i, "u" + i, Source.GITHUB, Quality.GOLD, new BugReport("", "x", "", ""),
                    Map.of("effect", Map.of("Crash", 1), "stage", Map.of("Training", 1), "root_cause", Map.of("UT", 1))));
        }
        return items;
    }

    /** @param right per head, how many of the 4 units the model answers right */
    private static List<double[][]> answers(int... right) {
        List<double[][]> heads = new ArrayList<>();
        for (int r : right) {
            double[][] rows = new double[4][];
            for (int i = 0; i < 4; i++) {
                rows[i] = i < r ? new double[] {0.9, 0.1} : new double[] {0.1, 0.9};
            }
            heads.add(rows);
        }
        return heads;
    }

    @Test
    void each_head_takes_the_power_of_the_candidate_that_served_it_best_and_most_heads_give_the_default() {
        Map<String, List<double[][]>> oof = new LinkedHashMap<>();
        oof.put(CANDIDATES.get(0).candidateName(), answers(4, 1, 3));
        oof.put(CANDIDATES.get(1).candidateName(), answers(2, 2, 3));
        oof.put(CANDIDATES.get(2).candidateName(), answers(1, 4, 2));
        CrossValidation cv = new CrossValidation(items(), new int[] {0, 0, 1, 1}, oof);

        TrainingConfig chosen = HeadwiseSelection.choose(TAXONOMY, cv, CANDIDATES);

        assertThat(chosen.weighting().power("effect")).isZero();
        assertThat(chosen.weighting().power("stage")).isEqualTo(1);
        assertThat(chosen.weighting().power("root_cause")).as("a tie goes to the first").isZero();
        assertThat(chosen.weighting().classWeightPower()).as("two heads of three chose 0").isZero();
        assertThat(chosen.weighting().headPowers()).containsOnlyKeys("stage");
        assertThat(chosen.withWeighting(BASE.weighting())).isEqualTo(BASE);
    }

    @Test
    void held_out_sources_outvote_random_folds_when_they_disagree_more() {
        Map<String, List<double[][]>> oof = new LinkedHashMap<>();
        oof.put(CANDIDATES.get(0).candidateName(), answers(2, 2, 2));
        oof.put(CANDIDATES.get(1).candidateName(), answers(2, 2, 2));
        oof.put(CANDIDATES.get(2).candidateName(), answers(3, 2, 2));
        CrossValidation cv = new CrossValidation(items(), new int[] {0, 0, 1, 1}, oof);
        ObjectNode check = JsonNodeFactory.instance.objectNode();
        ArrayNode means = check.putArray("means");
        // on held-out sources the half-balanced candidate is far better on effect; no unit has a stage
        means.addObject().put("model", CANDIDATES.get(1).candidateName()).put("head", "effect").put("parts", 3)
                .put("macroF1", 0.6).put("accuracy", 0.9);
        means.addObject().put("model", CANDIDATES.get(2).candidateName()).put("head", "effect").put("parts", 3)
                .put("macroF1", 0.2).put("accuracy", 0.4);

        assertThat(HeadwiseSelection.choose(TAXONOMY, cv, CANDIDATES).weighting().power("effect"))
                .as("random folds alone").isEqualTo(1);
        TrainingConfig both = HeadwiseSelection.choose(TAXONOMY, List.of(HeadwiseSelection.crossValidated(TAXONOMY, cv),
                HeadwiseSelection.heldOut(TAXONOMY, check)), CANDIDATES);
        assertThat(both.weighting().power("effect")).isEqualTo(0.5);
        assertThat(both.weighting().power("stage")).as("a check without the head leaves it to the others").isZero();
    }

    @Test
    void a_head_every_candidate_serves_alike_changes_nothing() {
        Map<String, List<double[][]>> oof = new LinkedHashMap<>();
        CANDIDATES.forEach(c -> oof.put(c.candidateName(), answers(2, 2, 2)));
        CrossValidation cv = new CrossValidation(items(), new int[] {0, 0, 1, 1}, oof);
        assertThat(HeadwiseSelection.choose(TAXONOMY, cv, CANDIDATES)).isEqualTo(CANDIDATES.get(0));
    }

    @Test
    void candidates_that_differ_in_more_than_class_weights_cannot_be_mixed() {
        List<TrainingConfig> mixed = List.of(CANDIDATES.get(0), CANDIDATES.get(1).withEncoder("none"));
        assertThatThrownBy(() -> HeadwiseSelection.choose(TAXONOMY, List.of(), mixed))
                .hasMessageContaining("class weight powers only");
    }
}
