package dlbugs.train.training;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Source;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the loss weighs labels and units.
 *
 * @param classWeightPower the class weights' power {@code (n / (k · n_c))^power} of a head not
 *                         named in {@code headPowers}: 0 for equal weights, 1 for fully balanced
 * @param headPowers       the power of each head that does not take the default, by head name
 * @param sourceWeights    a unit's loss weight by its source's label ({@code github_issues}),
 *                         times the silver weight for a silver unit; a source not named weighs 1
 */
public record Weighting(double classWeightPower, Map<String, Double> headPowers, Map<String, Double> sourceWeights) {

    private static final String DEFAULT_KEY = "class-weight-power";

    public Weighting {
        headPowers = Map.copyOf(headPowers);
        sourceWeights = Map.copyOf(sourceWeights);
        if (classWeightPower < 0 || headPowers.values().stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("class weight powers must be >= 0");
        }
        if (sourceWeights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("source weights must be >= 0");
        }
    }

    /** @return one power for every head, every source weighing 1 */
    public static Weighting uniform(double classWeightPower) {
        return new Weighting(classWeightPower, Map.of(), Map.of());
    }

    /** @return the class weights' power for a head */
    public double power(String head) {
        return headPowers.getOrDefault(head, classWeightPower);
    }

    /** @return the loss weight of a unit's source */
    public double sourceWeight(LabelledItem item) {
        return sourceWeights.getOrDefault(item.source().label(), 1.0);
    }

    /** @return this weighting with one head's power set */
    public Weighting withPower(String head, double power) {
        Map<String, Double> powers = new TreeMap<>(headPowers);
        powers.put(head, power);
        return new Weighting(classWeightPower, powers, sourceWeights);
    }

    /** @return this weighting with a source's weight set */
    public Weighting withSourceWeight(String source, double weight) {
        Map<String, Double> weights = new TreeMap<>(sourceWeights);
        weights.put(source, weight);
        return new Weighting(classWeightPower, headPowers, weights);
    }

    /**
     * @param spec  what {@link #toString()} writes: {@code class-weight-power=P} first (optional,
     *              default 1), then {@code HEAD=P} per head and {@code SOURCE=W} per source
     * @param heads the head names a spec may set
     * @return the weighting
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Weighting parse(String spec, Collection<String> heads) {
        Weighting w = uniform(1.0);
        List<String> sources = Source.labels();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("expected NAME=NUMBER, got '" + part.strip() + "'");
            }
            String key = kv[0].strip();
            if (!key.equals(DEFAULT_KEY) && !heads.contains(key) && !sources.contains(key)) {
                throw new IllegalArgumentException("unknown weighting '" + key + "'; known: " + DEFAULT_KEY + ", the heads ("
                        + String.join(", ", heads) + ") and the sources (" + String.join(", ", sources) + ")");
            }
            double value;
            try {
                value = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a number (in '" + part.strip() + "')");
            }
            if (key.equals(DEFAULT_KEY)) {
                w = new Weighting(value, w.headPowers, w.sourceWeights);
            } else if (heads.contains(key)) {
                w = w.withPower(key, value);
            } else {
                w = w.withSourceWeight(key, value);
            }
        }
        return w;
    }

    /** @return e.g. {@code class-weight-power=0.5,effect=0,github_issues=2}: stable, for names and provenance */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(DEFAULT_KEY + "=" + number(classWeightPower));
        new TreeMap<>(headPowers).forEach((h, p) -> b.append(',').append(h).append('=').append(number(p)));
        new TreeMap<>(sourceWeights).forEach((s, x) -> b.append(',').append(s).append('=').append(number(x)));
        return b.toString();
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
