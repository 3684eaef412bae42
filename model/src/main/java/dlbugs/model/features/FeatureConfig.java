package dlbugs.model.features;

/**
 * How reports become feature vectors; stored in the bundle so that serving extracts exactly
 * what training did.
 *
 * @param maxFeatures  vocabulary size cap (most frequent by document frequency)
 * @param minDocFreq   a feature must occur in at least this many training units
 * @param proseBigrams add adjacent-word pairs of the prose
 * @param maxCodeChars diff/code beyond this many characters is ignored (huge commits)
 */
public record FeatureConfig(int maxFeatures, int minDocFreq, boolean proseBigrams, int maxCodeChars) {

    public FeatureConfig {
        if (maxFeatures < 1 || minDocFreq < 1 || maxCodeChars < 1) {
            throw new IllegalArgumentException("maxFeatures, minDocFreq and maxCodeChars must be positive");
        }
    }

    /** The settings the shipped model uses. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(4000, 2, true, 20_000);
    }
}
