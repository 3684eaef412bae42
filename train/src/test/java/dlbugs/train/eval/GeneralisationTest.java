package dlbugs.train.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Libraries;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.testing.TrainedOnce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GeneralisationTest {

    private final Taxonomy taxonomy = Taxonomy.islam2019();

    /** Records what each fit trained on and was asked about. */
    private static final class Recorder implements FoldModel {
        final List<Set<String>> trainedParts = new ArrayList<>();
        final List<Set<String>> testedParts = new ArrayList<>();
        final Generalisation.Check check;

        Recorder(Generalisation.Check check) {
            this.check = check;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public synchronized FoldPredictions fitAndPredict(Taxonomy t, List<LabelledItem> train, List<LabelledItem> test,
                                                          long seed) {
            trainedParts.add(train.stream().map(check.partOf()).filter(p -> p != null).collect(Collectors.toSet()));
            testedParts.add(test.stream().map(check.partOf()).collect(Collectors.toSet()));
            return new MajorityModel().fitAndPredict(t, train, test, seed);
        }
    }

    @Test
    void each_source_is_held_out_once_and_never_trained_on_while_it_is_tested() throws Exception {
        Recorder recorder = new Recorder(Generalisation.CROSS_SOURCE);
        ObjectNode doc = new Generalisation(taxonomy, new CrossValidator(taxonomy, 1))
                .run(Generalisation.CROSS_SOURCE, TrainedOnce.corpus().items(), List.of(recorder), 1, true, (m, f, n) -> { });
        assertThat(names(doc.path("parts"))).containsExactlyInAnyOrder("github", "stackoverflow", "github_issues", "denchmark", "commits");
        assertThat(recorder.testedParts).hasSize(5).allMatch(s -> s.size() == 1);
        for (int i = 0; i < 5; i++) {
            assertThat(recorder.trainedParts.get(i)).doesNotContainAnyElementsOf(recorder.testedParts.get(i)).hasSize(4);
        }
        // only the study's commits and questions have a fix pattern: that head's mean is over those two
        JsonNode fixPattern = mean(doc, Taxonomy.FIX_PATTERN);
        assertThat(fixPattern.path("parts").asInt()).isEqualTo(2);
        assertThat(mean(doc, Taxonomy.EFFECT).path("parts").asInt()).isEqualTo(5);
    }

    @Test
    void units_of_no_known_library_train_every_fold_but_are_never_scored() throws Exception {
        Recorder recorder = new Recorder(Generalisation.LEAVE_ONE_LIBRARY_OUT);
        List<LabelledItem> items = TrainedOnce.corpus().items();
        ObjectNode doc = new Generalisation(taxonomy, new CrossValidator(taxonomy, 1))
                .run(Generalisation.LEAVE_ONE_LIBRARY_OUT, items, List.of(recorder), 1, true, (m, f, n) -> { });
        assertThat(names(doc.path("parts"))).containsExactlyInAnyOrderElementsOf(Libraries.KNOWN);
        assertThat(recorder.testedParts).allMatch(s -> s.size() == 1 && !s.contains(null));
        long scoredEffect = 0;
        for (JsonNode r : doc.path("results")) {
            if (r.path("head").asText().equals(Taxonomy.EFFECT)) {
                scoredEffect += r.path("n").asInt();
            }
        }
        long knownWithEffect = items.stream().filter(i -> Libraries.KNOWN.contains(i.report().library()))
                .filter(i -> i.has(Taxonomy.EFFECT)).count();
        assertThat(scoredEffect).isEqualTo(knownWithEffect);
    }

    private static JsonNode mean(ObjectNode doc, String head) {
        for (JsonNode m : doc.path("means")) {
            if (m.path("head").asText().equals(head)) {
                return m;
            }
        }
        throw new AssertionError("no mean for " + head);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
