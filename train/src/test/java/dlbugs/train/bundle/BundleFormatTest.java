package dlbugs.train.bundle;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.BundleWriter;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The shipped bundle (format 1's golden file: no sentence embedding) and the reader's refusals; format 2's golden file is EmbeddingNetworkTest's. */
class BundleFormatTest {

    private static final Path SHIPPED = Path.of(System.getProperty("dlbugs.shippedBundle", "models/dlbugs-default.bundle"));

    @Test
    void the_shipped_bundle_loads_and_answers_every_head() throws Exception {
        BundlePredictor predictor = BundlePredictor.load(SHIPPED);
        assertThat(predictor.bundle().manifest().formatVersion()).isEqualTo(ModelBundle.FORMAT_VERSION);
        assertThat(predictor.bundle().manifest().embedding().encoder().name()).isEqualTo(TextEncoders.ALL_MINILM_L6_V2_Q);
        assertThat(predictor.bundle().manifest().network().embeddingSize()).isEqualTo(384);
        assertThat(predictor.bundle().manifest().provenance().corpusHash()).hasSize(64);
        Prediction p = predictor.predict(new BugReport("", "ValueError: Error when checking input: expected "
                + "dense_1_input to have shape (784,) but got array with shape (28,28)", "", ""));
        assertThat(p.heads()).extracting(HeadPrediction::head)
                .containsExactlyElementsOf(Taxonomy.islam2019().heads().stream().map(h -> h.name()).toList());
        p.heads().forEach(h -> assertThat(h.top().stream().mapToDouble(HeadPrediction.LabelScore::score).sum())
                .isCloseTo(1.0, within(1e-4)));
        assertThat(p.head(Taxonomy.EFFECT).label()).isEqualTo("Crash");
    }

    @Test
    void refuses_a_report_with_no_known_token() throws Exception {
        BundlePredictor predictor = BundlePredictor.load(SHIPPED);
        assertThatThrownBy(() -> predictor.predict(new BugReport("", "zzqx qqzx", "", "keras")))
                .isInstanceOf(NoUsableContentException.class).hasMessageContaining("vocabulary");
        assertThatThrownBy(() -> predictor.predict(new BugReport(" ", "", "", "")))
                .isInstanceOf(NoUsableContentException.class).hasMessageContaining("no text");
    }

    @Test
    void refuses_an_unknown_format_version_naming_both(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("future.bundle");
        Files.copy(SHIPPED, file);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
            Path manifest = zip.getPath("manifest.json");
            String json = Files.readString(manifest).replaceFirst("\"formatVersion\" : \\d+", "\"formatVersion\" : 99");
            try (OutputStream out = Files.newOutputStream(manifest)) {
                out.write(json.getBytes());
            }
        }
        assertThatThrownBy(() -> BundleReader.read(file)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("format version 99").hasMessageContaining("reads versions 1 and 2");
    }

    @Test
    void refuses_files_that_are_not_bundles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> BundleReader.read(dir.resolve("none.bundle")))
                .isInstanceOf(BundleFormatException.class).hasMessageContaining("no model bundle at");
        Path text = Files.writeString(dir.resolve("text.bundle"), "hello");
        assertThatThrownBy(() -> BundleReader.read(text)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("not a dlbugs bundle");
    }

    @Test
    void a_failed_write_leaves_the_previous_bundle_in_place(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("m.bundle");
        ModelBundle shipped = BundleReader.read(SHIPPED);
        BundleWriter.write(shipped, target);
        byte[] good = Files.readAllBytes(target);
        ModelBundle broken = new ModelBundle(shipped.manifest(), shipped.vocabulary(), null);
        assertThatThrownBy(() -> BundleWriter.write(broken, target)).isInstanceOf(RuntimeException.class);
        assertThat(Files.readAllBytes(target)).isEqualTo(good);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
