package dlbugs.model.features;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder gives, float for float, the vectors langchain4j's runner gave when the shipped
 * bundles were trained (its tokenizer round trip, one ONNX call per text, its pooling), alone or
 * with other texts in flight; so a faster encoder cannot move a bundle's answers.
 */
class OnnxTextEncoderTest {

    /** Prose, code, accents, CJK, emoji, a piece the vocabulary lacks, long texts cut by the tokenizer. */
    private static final List<String> TEXTS = List.of(
            "ValueError: cannot reshape array of size 784 into shape (28,28,3)",
            "Keras model.fit raises ValueError: expected dense_1_input to have shape (784,) but got array with shape (28,28)",
            "-model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 3)))\n+model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))",
            "Crème brûlée café — naïve Ünïcödé über façade; tf.keras.layers.Dense(units=64, activation='relu')",
            "训练时 loss 变成 nan，学习率 0.001 😀 🔥 ¯\\_(ツ)_/¯",
            "unaffable ##suffix tokens and [UNK] literals [CLS] [SEP] [PAD] mixed in",
            "\u0007\u0001 control characters around words \u200b zero width",
            "the model crashes when the batch size is larger than the dataset ".repeat(40),
            "def f(x):\n    return torch.nn.functional.softmax(x, dim=-1)  # " + "x".repeat(3000));

    @ParameterizedTest
    @ValueSource(strings = {TextEncoders.ALL_MINILM_L6_V2_Q, TextEncoders.BGE_SMALL_EN_V15_Q})
    void gives_langchain4js_vectors_float_for_float(String name) throws Exception {
        Reference reference = Reference.of(name);
        List<float[]> expected = new ArrayList<>();
        for (String text : TEXTS) {
            expected.add(reference.embedAll(List.of(TextSegment.from(text))).content().get(0).vector());
        }
        CachedTextEncoder ours = TextEncoders.open(name);
        float[][] together = ours.encode(TEXTS);
        float[][] alone = TEXTS.stream().map(t -> TextEncoders.open(name).encode(t)).toArray(float[][]::new);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(together[i]).as("text %d among the others", i).containsExactly(expected.get(i));
            assertThat(alone[i]).as("text %d alone", i).containsExactly(expected.get(i));
        }
    }

    /** langchain4j's in-process runner over the same files, one intra-op thread per call as before. */
    private static final class Reference extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        private Reference(OnnxBertBiEncoder encoder) {
            super(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "reference-encoder");
                t.setDaemon(true);
                return t;
            }));
            this.encoder = encoder;
        }

        static Reference of(String name) throws Exception {
            boolean minilm = name.equals(TextEncoders.ALL_MINILM_L6_V2_Q);
            String stem = minilm ? "all-minilm-l6-v2-q" : "bge-small-en-v1.5-q";
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(bytes(stem + ".onnx"), options);
            return new Reference(new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(bytes(stem + "-tokenizer.json")),
                    minilm ? PoolingMode.MEAN : PoolingMode.CLS));
        }

        private static byte[] bytes(String resource) throws IOException {
            try (InputStream in = OnnxTextEncoderTest.class.getClassLoader().getResourceAsStream(resource)) {
                return in.readAllBytes();
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
