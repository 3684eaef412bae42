package dlbugs.model.features;

/**
 * How reports become feature vectors; stored in the bundle so that serving extracts exactly
 * what training did.
 *
 * @param maxFeatures  vocabulary size cap (most frequent by document frequency)
 * @param minDocFreq   a feature must occur in at least this many training units
 * @param proseBigrams add adjacent-word pairs of the prose
 * @param maxCodeChars diff/code beyond this many characters is ignored (huge commits)
 * @param diffShape    add the shape of a diff ({@code shape:} features: files added, lines only
 *                     added, how many lines change, comment lines among them); false in manifests that lack it
 */
public record FeatureConfig(int maxFeatures, int minDocFreq, boolean proseBigrams, int maxCodeChars, boolean diffShape) {

    public FeatureConfig {
        if (maxFeatures < 1 || minDocFreq < 1 || maxCodeChars < 1) {
            throw new IllegalArgumentException("maxFeatures, minDocFreq and maxCodeChars must be positive");
        }
    }

    /** Settings without the diff's shape. */
    public FeatureConfig(int maxFeatures, int minDocFreq, boolean proseBigrams, int maxCodeChars) {
        this(maxFeatures, minDocFreq, proseBigrams, maxCodeChars, false);
    }

    /** @return these settings with another vocabulary size */
    public FeatureConfig withMaxFeatures(int max) {
        return new FeatureConfig(max, minDocFreq, proseBigrams, maxCodeChars, diffShape);
    }

    /** @return these settings with or without the diff's shape */
    public FeatureConfig withDiffShape(boolean shape) {
        return new FeatureConfig(maxFeatures, minDocFreq, proseBigrams, maxCodeChars, shape);
    }

    /** The settings the shipped model uses. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(4000, 2, true, 20_000);
    }
}
