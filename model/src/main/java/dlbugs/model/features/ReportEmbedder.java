package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Embeds reports as an {@link EmbeddingConfig} says, with an encoder that runs its model: the
 * network's second input beside the TF-IDF vector. Thread-safe if the encoder is.
 */
public final class ReportEmbedder {

    private final EmbeddingConfig config;
    private final TextEncoder encoder;

    /**
     * @param config  which encoder and what text
     * @param encoder an encoder of exactly that model
     * @throws IllegalArgumentException if the encoder runs another model (digest or dimensions differ)
     */
    public ReportEmbedder(EmbeddingConfig config, TextEncoder encoder) {
        EncoderSpec want = config.encoder();
        EncoderSpec have = encoder.spec();
        if (!want.digest().equals(have.digest()) || want.dimensions() != have.dimensions()) {
            throw new IllegalArgumentException("the embedding needs " + want.describe() + " " + want.digest()
                    + " but the encoder is " + have.describe() + " " + have.digest());
        }
        this.config = config;
        this.encoder = encoder;
    }

    /**
     * @param name an encoder's name (see {@link TextEncoders#names()}, not {@link TextEncoders#NONE})
     * @return an embedder on that encoder, started, with its cache, embedding the default text
     *         ({@link EmbeddingConfig#defaults})
     */
    public static ReportEmbedder open(String name) {
        return open(name, EmbeddingConfig.DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxChars most characters of a report embedded (shorter texts cost the encoder less);
     *                 the diff's share shrinks with it ({@link EmbeddingConfig#withMaxChars})
     * @return an embedder on that encoder, started, with its cache
     */
    public static ReportEmbedder open(String name, int maxChars) {
        TextEncoder encoder = TextEncoders.open(name);
        return new ReportEmbedder(EmbeddingConfig.defaults(encoder.spec()).withMaxChars(maxChars), encoder);
    }

    /**
     * @param config a bundle's embedding
     * @return an embedder on that very encoder, started, with its cache
     * @throws IllegalArgumentException if this build has no such encoder or it runs another model
     */
    public static ReportEmbedder of(EmbeddingConfig config) {
        return new ReportEmbedder(config, TextEncoders.open(config.encoder().name()));
    }

    /** @return which encoder and what text */
    public EmbeddingConfig config() {
        return config;
    }

    /** @return the encoder */
    public TextEncoder encoder() {
        return encoder;
    }

    /** @return the width of an embedding */
    public int dimensions() {
        return config.encoder().dimensions();
    }

    /**
     * @param reports reports, in order
     * @return one embedding per report, in the same order
     */
    public float[][] embed(List<BugReport> reports) {
        return encoder.encode(reports.stream().map(config::textOf).toList());
    }

    /**
     * Starts embedding, so that the caller can extract the other features meanwhile.
     *
     * @param reports reports, in order
     * @return completes with one embedding per report, in the same order
     */
    public CompletableFuture<float[][]> embedAsync(List<BugReport> reports) {
        return encoder.encodeAsync(reports.stream().map(config::textOf).toList());
    }
}
