package dlbugs.train.training;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.BundleWriter;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.BugReportFeatures;
import dlbugs.model.features.FeatureConfig;
import dlbugs.model.features.ReportEmbedder;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.HeadExplanation;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.testing.TrainedOnce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A network with the sentence embedding as its second input, on a tiny synthetic set and the real encoder. */
class EmbeddingNetworkTest {

    private static final Taxonomy TAXONOMY = Taxonomy.islam2019();
    private static final ReportEmbedder EMBEDDER = ReportEmbedder.open(TextEncoders.ALL_MINILM_L6_V2_Q);
    private static final List<BugReport> PROBES = List.of(
            new BugReport("Training crashes", "the script crashes with a shape error in model.fit", "", "keras"),
            new BugReport("", "training hangs forever, GPU idle, no output", "-sess.run(op)\n+sess.run(op, timeout=5)", "tensorflow"));

    private static List<LabelledItem> units() {
        List<LabelledItem> items = new ArrayList<>();
        String[] crash = {"crashes with ValueError in model.fit", "segfault then crash when loading weights",
                "the program crashes: shape mismatch error", "crash on predict with a wrong input shape"};
        String[] hang = {"training hangs and never finishes", "the process hangs at the first epoch",
                "hangs forever while reading the dataset", "the session hangs without output"};
        for (int i = 0; i < 12; i++) {
            boolean isCrash = i % 2 == 0;
            String text = (isCrash ? crash : hang)[i / 2 % 4] + " run " + i;
            items.add(new LabelledItem("u" + i, "g" + i, Source.STACKOVERFLOW, Quality.GOLD,
                    new BugReport("", text, "", "keras"),
                    Map.of(Taxonomy.EFFECT, Map.of(isCrash ? "Crash" : "Hang", 1))));
        }
        return items;
    }

    /** The tiny bundle of {@link #trained()}, written once: format 2's golden file. */
    private static final String GOLDEN = "/bundles/format2-tiny.bundle";

    static ModelBundle trained() {
        TrainingConfig config = TrainingConfig.defaults().withRun(1, 5, 0, TrainingConfig.defaults().corpus())
                .withEncoder(TextEncoders.ALL_MINILM_L6_V2_Q);
        NetworkTrainer trainer = new NetworkTrainer(TAXONOMY, new BugReportFeatures(
                new FeatureConfig(100, 1, true, 1000), TrainedOnce.TOKENIZER), EMBEDDER);
        List<LabelledItem> items = units();
        FittedNetwork fitted = trainer.fit(items, config, "test", TrainingListener.NONE);
        RunInfo run = new RunInfo("test-model", "corpus", "abc", "2026-01-02T03:04:05Z", Map.of("java", "17"));
        return trainer.bundle(fitted, new Corpus(items, null, "0".repeat(64)), config, run, 1, Evaluation.none(), List.of());
    }

    @Test
    void trains_with_the_embedding_and_round_trips_with_identical_predictions(@TempDir Path dir) throws Exception {
        ModelBundle bundle = trained();
        assertThat(bundle.manifest().formatVersion()).isEqualTo(2);
        assertThat(bundle.manifest().network().embeddingSize()).isEqualTo(384);
        assertThat(bundle.manifest().embedding().encoder()).isEqualTo(EMBEDDER.config().encoder());
        assertThat(bundle.manifest().provenance().config()).containsEntry("encoder", "all-minilm-l6-v2-q");
        assertThat(bundle.network().getConfiguration().getNetworkInputs()).containsExactly("features", "embedding");
        Path file = dir.resolve("m.bundle");
        BundleWriter.write(bundle, file);
        ModelBundle read = BundleReader.read(file);
        assertThat(read.manifest()).isEqualTo(bundle.manifest());
        List<Prediction> before = new BundlePredictor(bundle, TrainedOnce.TOKENIZER, EMBEDDER).predictAll(PROBES);
        List<Prediction> after = new BundlePredictor(read, TrainedOnce.TOKENIZER).predictAll(PROBES);
        assertThat(after).isEqualTo(before);
        assertThat(after.get(0).head(Taxonomy.EFFECT).label()).isEqualTo("Crash");
        assertThat(after.get(1).head(Taxonomy.EFFECT).label()).isEqualTo("Hang");
    }

    @Test
    void the_format_2_golden_bundle_loads_and_predicts() throws Exception {
        BundlePredictor predictor = BundlePredictor.load(Path.of(EmbeddingNetworkTest.class.getResource(GOLDEN).toURI()));
        assertThat(predictor.bundle().manifest().formatVersion()).isEqualTo(ModelBundle.FORMAT_VERSION);
        // trained with bge, which shipped before MiniLM: its bundles still load
        assertThat(predictor.bundle().manifest().embedding().encoder().name()).isEqualTo("bge-small-en-v15-q");
        List<Prediction> p = predictor.predictAll(PROBES);
        assertThat(p.get(0).head(Taxonomy.EFFECT).label()).isEqualTo("Crash");
        assertThat(p.get(1).head(Taxonomy.EFFECT).label()).isEqualTo("Hang");
    }

    @Test
    void explains_by_occluding_tfidf_features_with_the_embedding_held_fixed() {
        BundlePredictor predictor = new BundlePredictor(trained(), TrainedOnce.TOKENIZER, EMBEDDER);
        HeadExplanation effect = predictor.explain(PROBES.get(0), 3).stream()
                .filter(e -> e.head().equals(Taxonomy.EFFECT)).findFirst().orElseThrow();
        assertThat(effect.label()).isEqualTo("Crash");
        assertThat(effect.top()).isNotEmpty().allSatisfy(a -> assertThat(a.feature()).doesNotStartWith("embedding"));
        assertThat(predictor.similar(PROBES.get(0), 3)).isNotEmpty()
                .allSatisfy(b -> assertThat(b.labels()).containsEntry(Taxonomy.EFFECT, "Crash"));
    }

    @Test
    void refuses_a_bundle_whose_encoder_is_unknown_or_another_model_in_one_line(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.bundle");
        BundleWriter.write(trained(), file);
        Path unknown = edited(file, dir.resolve("unknown.bundle"), json -> json.replace("\"all-minilm-l6-v2-q\"", "\"gte-tiny\""));
        assertThatThrownBy(() -> BundleReader.read(unknown)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("unknown.bundle").hasMessageContaining("gte-tiny")
                .hasMessageContaining("this dlbugs does not have").hasMessageNotContaining("\n");
        String digest = EMBEDDER.config().encoder().digest();
        Path other = edited(file, dir.resolve("other.bundle"), json -> json.replace(digest, "sha256:" + "1".repeat(64)));
        assertThatThrownBy(() -> BundleReader.read(other)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("all-minilm-l6-v2-q").hasMessageContaining("sha256:" + "1".repeat(64))
                .hasMessageContaining(digest).hasMessageNotContaining("\n");
    }

    @Test
    void the_default_configuration_embeds_with_minilm_and_the_baseline_never_does() {
        assertThat(TrainingConfig.defaults().encoder()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(TrainingConfig.defaults().asLogisticRegression().encoder()).isEqualTo("none");
        assertThat(TrainingConfig.defaults().withEncoder("bge-small-en-v15-q").asLogisticRegression().encoder())
                .isEqualTo("none");
        assertThatThrownBy(() -> TrainingConfig.defaults().withEncoder("word2vec"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none, bge-small-en-v15-q");
    }

    private static Path edited(Path from, Path to, UnaryOperator<String> edit) throws Exception {
        Files.copy(from, to);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + to.toUri()), Map.of())) {
            Path manifest = zip.getPath("manifest.json");
            String json = edit.apply(Files.readString(manifest));
            try (OutputStream out = Files.newOutputStream(manifest)) {
                out.write(json.getBytes());
            }
        }
        return to;
    }
}
