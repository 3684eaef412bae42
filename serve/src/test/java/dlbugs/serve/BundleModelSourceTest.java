package dlbugs.serve;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.Predictor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every replica a bundle is loaded into answers exactly as the first: nothing of the bundle is dropped in the copy. */
class BundleModelSourceTest {

    private static final BugReport REPORT = new BugReport("ValueError when fitting",
            "ValueError: Error when checking input: expected dense_1_input to have shape (784,) but got array with shape (28, 28)",
            null, "keras");

    @Test
    void every_replica_answers_predictions_explanations_and_similar_bugs_alike() throws Exception {
        LoadedModel model = new BundleModelSource(Path.of(System.getProperty("dlbugs.shippedBundle")), 3).load();
        assertThat(model.replicas()).hasSize(3);
        assertThat(model.details().path("provenance").has("corpus_path")).isFalse();
        assertThat(model.details().path("provenance").path("corpus_hash").asText()).hasSize(64);
        assertThat(model.details().path("provenance").path("corpus_counts").size()).isPositive();
        Predictor first = model.replicas().get(0);
        assertThat(first.similar(REPORT, 3)).hasSize(3);
        assertThat(first.explain(REPORT, 5)).isNotEmpty();
        for (Predictor replica : model.replicas()) {
            assertThat(replica.info()).isEqualTo(first.info());
            assertThat(replica.predict(REPORT)).isEqualTo(first.predict(REPORT));
            assertThat(replica.explain(REPORT, 5)).isEqualTo(first.explain(REPORT, 5));
            assertThat(replica.similar(REPORT, 3)).isEqualTo(first.similar(REPORT, 3));
        }
    }

    @Test
    void the_encoder_is_described_in_flat_fields() throws Exception {
        LoadedModel model = new BundleModelSource(Path.of(System.getProperty("dlbugs.shippedBundle")), 1).load();

        var encoder = model.details().path("encoder");
        assertThat(encoder.has("encoder")).isFalse();
        assertThat(encoder.path("name").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(encoder.path("artifact").asText()).contains("langchain4j");
        assertThat(encoder.path("dimensions").asInt()).isEqualTo(384);
        assertThat(encoder.path("digest").asText()).startsWith("sha256:");
        assertThat(encoder.path("diff_chars").asInt()).isPositive();
        assertThat(encoder.path("max_chars").asInt()).isGreaterThanOrEqualTo(encoder.path("diff_chars").asInt());
    }
}
