package dlbugs.model.bundle;

/**
 * How much the nearest labelled units' vote counts beside the network ({@link
 * dlbugs.model.predict.NearestLabelled}); part of a bundle's manifest, absent in bundles without it.
 *
 * @param k      how many nearest units labelled for a head vote on it
 * @param weight the vote's share of each head's answer, in (0, 1]
 */
public record NeighbourConfig(int k, double weight) {
    public NeighbourConfig {
        if (k < 1 || !(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("need k >= 1 and a weight in (0, 1], got " + k + " and " + weight);
        }
    }
}
