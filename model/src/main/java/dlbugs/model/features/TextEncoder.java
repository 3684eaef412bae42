package dlbugs.model.features;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A sentence encoder: texts in, one fixed-length vector per text out. Implementations say
 * which model they run in {@link #spec()}, so a bundle can name it and refuse another.
 */
public interface TextEncoder {

    /** @return which model this is (name, artifact, version, dimensions, digest) */
    EncoderSpec spec();

    /**
     * @param texts texts to encode, in order (each may be empty)
     * @return one vector of {@code spec().dimensions()} per text, in the same order
     */
    float[][] encode(List<String> texts);

    /**
     * Starts encoding, so that the caller can do other work meanwhile; an encoder that runs on
     * its own threads overrides this, the default encodes on the calling thread.
     *
     * @param texts texts to encode, in order
     * @return completes with what {@link #encode(List)} returns
     */
    default CompletableFuture<float[][]> encodeAsync(List<String> texts) {
        return CompletableFuture.completedFuture(encode(texts));
    }

    /**
     * @param pending vectors being encoded
     * @return them, once done; an encoder's unchecked failure is rethrown as it was thrown
     */
    static float[][] join(CompletableFuture<float[][]> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Encodes one text; see {@link #encode(List)}. */
    default float[] encode(String text) {
        return encode(List.of(text))[0];
    }
}
