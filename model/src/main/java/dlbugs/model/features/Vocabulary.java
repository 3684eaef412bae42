package dlbugs.model.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A frozen feature vocabulary: feature name → column, with an inverse document frequency per
 * column. Vectors are (1 + ln tf) · idf, L2-normalised. Built by {@link MutableVocabulary}
 * from training units only; immutable and safe to share.
 */
public final class Vocabulary {

    private final List<String> features;
    private final float[] idf;
    private final Map<String, Integer> index;

    /**
     * @param features feature names in column order
     * @param idf      inverse document frequency per column
     */
    public Vocabulary(List<String> features, float[] idf) {
        if (features.size() != idf.length || features.isEmpty()) {
            throw new IllegalArgumentException("need one idf per feature and at least one feature");
        }
        this.features = List.copyOf(features);
        this.idf = idf.clone();
        this.index = new HashMap<>(features.size() * 2);
        for (int i = 0; i < features.size(); i++) {
            if (index.put(features.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate feature " + features.get(i));
            }
        }
    }

    public List<String> features() {
        return features;
    }

    public float[] idf() {
        return idf.clone();
    }

    public int size() {
        return features.size();
    }

    public boolean contains(String feature) {
        return index.containsKey(feature);
    }

    /**
     * @param counts feature counts of one report
     * @return its vector; all zeros if no feature is known
     */
    public float[] vectorize(Map<String, Integer> counts) {
        float[] v = new float[features.size()];
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer col = index.get(e.getKey());
            if (col != null) {
                v[col] = (float) ((1 + Math.log(e.getValue())) * idf[col]);
                norm += v[col] * v[col];
            }
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }
}
