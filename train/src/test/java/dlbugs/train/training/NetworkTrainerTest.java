package dlbugs.train.training;

import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.BundleWriter;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.eval.HeadEvaluation;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.testing.RecordingListener;
import dlbugs.train.testing.TrainedOnce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NetworkTrainerTest {

    private static final List<BugReport> PROBES = List.of(
            new BugReport("", "ValueError: Error when checking input: expected dense_1_input to have shape (784,) but got array with shape (28,28)", "", ""),
            new BugReport("Fix for new Keras API", "", "-model.add(Dense(output_dim=10))\n+model.add(Dense(units=10))", "keras"),
            new BugReport("loss is nan", "my loss becomes nan after a few epochs with a high learning rate", "", "tensorflow"));

    @Test
    void cross_validated_predictions_beat_a_majority_guess_on_every_head() throws Exception {
        Evaluation e = TrainedOnce.result().bundle().manifest().evaluation();
        assertThat(e.units()).isEqualTo(TrainedOnce.corpus().of(dlbugs.model.corpus.Quality.GOLD).size());
        assertThat(e.method()).contains("3-fold");
        assertThat(e.heads()).extracting(HeadEvaluation::head)
                .containsExactlyElementsOf(Taxonomy.islam2019().heads().stream().map(h -> h.name()).toList());
        for (HeadEvaluation h : e.heads()) {
            assertThat(h.macroF1()).as(h.head()).isGreaterThan(h.majorityMacroF1());
        }
    }

    @Test
    void cross_validation_progress_counts_every_epoch_of_every_fit() throws Exception {
        RecordingListener progress = TrainedOnce.progress();
        int epochs = 15;
        int fits = 3;
        String phase = "cross-validation";

        assertThat(progress.steps()).containsEntry(phase, fits * epochs).containsEntry("final fit", epochs);
        assertThat(progress.done(phase)).containsExactlyElementsOf(IntStream.rangeClosed(1, fits * epochs).boxed().toList());
        assertThat(progress.details(phase)).allSatisfy(d -> assertThat(d).matches("\\d+/" + fits + " fits done"));
    }

    @Test
    void every_head_answers_with_a_distribution() throws Exception {
        BundlePredictor predictor = new BundlePredictor(TrainedOnce.result().bundle(), TrainedOnce.TOKENIZER);
        for (Prediction p : predictor.predictAll(PROBES)) {
            assertThat(p.heads()).hasSize(Taxonomy.islam2019().heads().size());
            for (HeadPrediction h : p.heads()) {
                assertThat(h.confidence()).isBetween(0.0, 1.0).isEqualTo(h.top().get(0).score());
                assertThat(h.top().stream().mapToDouble(HeadPrediction.LabelScore::score).sum()).isCloseTo(1.0, within(1e-4));
                assertThat(h.top()).hasSize(Taxonomy.islam2019().head(h.head()).size());
            }
        }
    }

    @Test
    void round_trips_bundle_with_identical_predictions(@TempDir Path dir) throws Exception {
        ModelBundle bundle = TrainedOnce.result().bundle();
        Path file = dir.resolve("m.bundle");
        BundleWriter.write(bundle, file);
        ModelBundle read = BundleReader.read(file);
        assertThat(read.manifest()).isEqualTo(bundle.manifest());
        assertThat(read.vocabulary().features()).isEqualTo(bundle.vocabulary().features());
        List<Prediction> before = new BundlePredictor(bundle, TrainedOnce.TOKENIZER).predictAll(PROBES);
        List<Prediction> after = new BundlePredictor(read, TrainedOnce.TOKENIZER).predictAll(PROBES);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void records_provenance_of_the_run() throws Exception {
        var p = TrainedOnce.result().bundle().manifest().provenance();
        assertThat(p.corpusHash()).isEqualTo(TrainedOnce.corpus().hash()).hasSize(64);
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.config()).containsEntry("epochs", "15");
        assertThat(p.corpusCounts()).containsKeys("gold units", "silver units", "gold stage");
        assertThat(TrainedOnce.result().bundle().manifest().version()).isEqualTo("2026.01.02-" + p.corpusHash().substring(0, 8));
    }
}
