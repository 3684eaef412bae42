package dlbugs.model.features;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A BERT-style sentence encoder run in this process by ONNX Runtime through langchain4j's
 * {@link OnnxBertBiEncoder}: the text's [CLS] (or mean) vector, scaled to unit length.
 * langchain4j would average windows of 510 tokens, but DJL's tokenizer under it truncates to
 * the model's 512 tokens first (measured: a 20,000-character text and its first 3,000
 * characters give the same vector), so only a text's start counts and one call costs at most
 * one window. The model and tokenizer files come from a jar on the classpath
 * ({@link TextEncoders}), never from the network. Each ONNX call uses one thread; a batch
 * spreads its texts over one thread per core. Thread-safe.
 */
final class OnnxTextEncoder implements TextEncoder {

    private final EncoderSpec spec;
    private final Model model;

    /**
     * @param spec      what the files are (the digest must be of {@code onnx})
     * @param onnx      the model file's bytes
     * @param tokenizer the tokenizer file's bytes ({@code tokenizer.json})
     * @param pooling   how a window's token vectors become one
     */
    OnnxTextEncoder(EncoderSpec spec, byte[] onnx, byte[] tokenizer, PoolingMode pooling) {
        this.spec = spec;
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // Parallelism comes from encoding texts side by side; two ONNX threads per text on two
            // cores would only make the texts of a batch fight over them.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(onnx, options);
            this.model = new Model(new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(tokenizer), pooling),
                    spec.dimensions());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the text encoder " + spec.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    /** A blank text has no tokens to encode: its vector is all zeros. */
    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (texts.get(i).isBlank()) {
                out[i] = new float[spec.dimensions()];
            } else {
                segments.add(TextSegment.from(texts.get(i)));
                at.add(i);
            }
        }
        if (!segments.isEmpty()) {
            var embeddings = model.embedAll(segments).content();
            for (int j = 0; j < at.size(); j++) {
                out[at.get(j)] = embeddings.get(j).vector();
            }
        }
        return out;
    }

    /** langchain4j's in-process model over our own session, with daemon threads for batches. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;
        private final int dimensions;

        Model(OnnxBertBiEncoder encoder, int dimensions) {
            super(threads());
            this.encoder = encoder;
            this.dimensions = dimensions;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return dimensions;
        }

        private static ExecutorService threads() {
            int n = Runtime.getRuntime().availableProcessors();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "dlbugs-encoder");
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
