package dlbugs.model.features;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts in how many training units each feature occurs, then {@link #freeze(FeatureConfig)}s
 * the most frequent into a {@link Vocabulary}. Feed it training units only: a feature seen
 * only in test units must not enter the vocabulary.
 */
public final class MutableVocabulary {

    private final Map<String, Integer> docFreq = new HashMap<>();
    private int documents;

    /** @param counts the features of one training unit */
    public void add(Map<String, Integer> counts) {
        documents++;
        counts.keySet().forEach(k -> docFreq.merge(k, 1, Integer::sum));
    }

    /**
     * @param config the size cap and minimum document frequency
     * @return the frozen vocabulary, columns ordered by descending frequency then name
     * @throws IllegalStateException if no feature is frequent enough
     */
    public Vocabulary freeze(FeatureConfig config) {
        List<Map.Entry<String, Integer>> kept = docFreq.entrySet().stream()
                .filter(e -> e.getValue() >= config.minDocFreq())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(config.maxFeatures())
                .toList();
        if (kept.isEmpty()) {
            throw new IllegalStateException("no feature occurs in " + config.minDocFreq() + " of " + documents
                    + " training units");
        }
        float[] idf = new float[kept.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((documents + 1.0) / (kept.get(i).getValue() + 1.0)) + 1.0);
        }
        return new Vocabulary(kept.stream().map(Map.Entry::getKey).toList(), idf);
    }
}
