package dlbugs.model.features;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A BERT-style sentence encoder run in this process by ONNX Runtime: the text's [CLS] (or mean)
 * vector, scaled to unit length, computed exactly as langchain4j's {@code OnnxBertBiEncoder}
 * computed the vectors the shipped bundles were trained on ({@link WordPieceInput}; the
 * tokenizer cuts a text at the model's maximum length, so one call reads at most one window).
 * <p>
 * One ONNX call per text, never a padded batch: the int8 models quantise each layer's input
 * with a scale taken from the whole tensor, so a text batched with others would get a vector
 * that depends on its neighbours; and measured on 2 cores, a batch of 16 is no faster per text
 * than 16 single calls. Throughput comes from encoding texts side by side, one per core, each on
 * a session with one intra-op thread; a text that is the only one in flight runs on a second
 * session with one intra-op thread per core, which gives the same vector (row-parallel kernels)
 * in a little over half the time (measured: 110 tokens, 20 ms on one core, 11.5 ms on two). The model files come from a jar on the classpath ({@link TextEncoders}),
 * never from the network. Thread-safe.
 */
final class OnnxTextEncoder implements TextEncoder {

    /** How a window's token vectors become one. */
    enum Pooling { CLS, MEAN }

    private final EncoderSpec spec;
    private final WordPieceInput input;
    private final Pooling pooling;
    private final OrtEnvironment env;
    private final OrtSession narrow;
    private final OrtSession wide;
    private final boolean typeIds;
    private final ExecutorService threads;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param spec      what the files are (the digest must be of {@code onnx})
     * @param onnx      the model file's bytes
     * @param tokenizer the tokenizer file's bytes ({@code tokenizer.json})
     * @param pooling   how a window's token vectors become one
     */
    OnnxTextEncoder(EncoderSpec spec, byte[] onnx, byte[] tokenizer, Pooling pooling) {
        this.spec = spec;
        this.pooling = pooling;
        this.input = new WordPieceInput(tokenizer);
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            this.env = OrtEnvironment.getEnvironment();
            this.narrow = env.createSession(onnx, options(1));
            this.wide = cores > 1 ? env.createSession(onnx, wideOptions(cores)) : narrow;
            this.typeIds = narrow.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the text encoder " + spec.describe() + ": " + e.getMessage(), e);
        }
        this.threads = threads(cores);
    }

    private static OrtSession.SessionOptions options(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        return options;
    }

    /** Its threads sleep rather than spin between operators, so they take no core from the narrow session's texts. */
    private static OrtSession.SessionOptions wideOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = options(intraOpThreads);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public float[][] encode(List<String> texts) {
        return TextEncoder.join(encodeAsync(texts));
    }

    /** Each text is one task on the encoder's threads. A blank text has no tokens: its vector is all zeros. */
    @Override
    public CompletableFuture<float[][]> encodeAsync(List<String> texts) {
        List<CompletableFuture<float[]>> parts = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text.isBlank()) {
                parts.add(CompletableFuture.completedFuture(new float[spec.dimensions()]));
            } else {
                inFlight.incrementAndGet();
                parts.add(CompletableFuture.supplyAsync(() -> embed(text), threads));
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toArray(float[][]::new));
    }

    private float[] embed(String text) {
        try {
            WordPieceInput.Tokens tokens = input.of(text);
            if (tokens == null) {
                return new float[spec.dimensions()];
            }
            return normalize(pool(run(inFlight.get() == 1 ? wide : narrow, tokens), tokens.length()));
        } catch (OrtException e) {
            throw new IllegalStateException("the text encoder " + spec.name() + " failed: " + e.getMessage(), e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** @return the last hidden state, {@code length × dimensions} floats, row by row */
    private float[] run(OrtSession session, WordPieceInput.Tokens tokens) throws OrtException {
        long[] shape = {1, tokens.length()};
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.ids()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.mask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.types()), shape)) {
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", ids);
            in.put("attention_mask", mask);
            if (typeIds) {
                in.put("token_type_ids", types);
            }
            try (OrtSession.Result out = session.run(in)) {
                FloatBuffer hidden = ((OnnxTensor) out.get(0)).getFloatBuffer();
                float[] all = new float[hidden.remaining()];
                hidden.get(all);
                return all;
            }
        }
    }

    /** [CLS]'s vector, or the mean of all tokens' (special tokens included), summed in token order as langchain4j did. */
    private float[] pool(float[] hidden, int length) {
        int d = hidden.length / length;
        float[] v = new float[d];
        if (pooling == Pooling.CLS) {
            System.arraycopy(hidden, 0, v, 0, d);
            return v;
        }
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < d; j++) {
                v[j] += hidden[t * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            v[j] /= length;
        }
        return v;
    }

    private static float[] normalize(float[] v) {
        float sumSquare = 0;
        for (float x : v) {
            sumSquare += x * x;
        }
        float norm = (float) Math.sqrt(sumSquare);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    private static ExecutorService threads(int n) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "dlbugs-encoder");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
