package dlbugs.model.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The corpus' labelled units as the model sees them, for finding the known bugs most like a new
 * report and for the neighbours' vote ({@link dlbugs.model.predict.NearestLabelled}): each with
 * its link, a title, its source, its labels, and either its sentence embedding (a bundle with an
 * encoder: every labelled unit of every source) or its TF-IDF vector (sparse, unit length; bundles
 * without an encoder, and older ones: the gold units only). Stored in a bundle as
 * {@code known_bugs.json}; a bundle without it has none.
 *
 * @param bugs the known bugs
 */
public record KnownBugs(List<KnownBug> bugs) {

    public KnownBugs {
        bugs = List.copyOf(bugs);
    }

    /** @return no known bugs */
    public static KnownBugs none() {
        return new KnownBugs(List.of());
    }

    /** @return true if the known bugs carry sentence embeddings (and are compared by them) */
    public boolean embedded() {
        return !bugs.isEmpty() && bugs.get(0).embedding() != null;
    }

    /**
     * One labelled unit of the corpus.
     *
     * @param id        the unit's id in the corpus
     * @param link      where to read it: the commit (with its hunk anchor), the question or the issue
     * @param title     its first line, shortened
     * @param labels    head → label (the raters' majority), for the heads it has
     * @param index     the vocabulary indices of its strongest features (empty with an embedding)
     * @param weight    their weights; the vector has length 1 (empty with an embedding)
     * @param source    the source it comes from ({@code github}, {@code denchmark}, ...); null in older bundles
     * @param embedding its sentence embedding, unit length, each value times 127 rounded to a byte
     *                  ({@link #quantise}); null without an encoder
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KnownBug(String id, String link, String title, Map<String, String> labels, int[] index, float[] weight,
                           String source, byte[] embedding) {
        public KnownBug {
            labels = Map.copyOf(labels);
            index = index == null ? new int[0] : index;
            weight = weight == null ? new float[0] : weight;
        }

        /** @return the embedding as unit-length floats, or null */
        public float[] vector() {
            return embedding == null ? null : dequantise(embedding);
        }
    }

    /** @return a unit-length vector stored in a byte a value (values in [-1, 1], times 127) */
    public static byte[] quantise(float[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) Math.round(Math.max(-1, Math.min(1, v[i])) * 127);
        }
        return b;
    }

    /** @return the vector a quantised one stands for, scaled back to unit length */
    public static float[] dequantise(byte[] b) {
        float[] v = new float[b.length];
        double norm = 0;
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] / 127f;
            norm += v[i] * v[i];
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
