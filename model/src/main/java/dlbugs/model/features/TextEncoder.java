package dlbugs.model.features;

import java.util.List;

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

    /** Encodes one text; see {@link #encode(List)}. */
    default float[] encode(String text) {
        return encode(List.of(text))[0];
    }
}
