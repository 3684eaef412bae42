package dlbugs.train.training;

import dlbugs.model.bundle.NeighbourConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A setting to try beside the shipped one ({@code evaluate --variant}): the shipped configuration
 * with some of its values changed, written {@code NAME=VALUE,...}. The names are the network's
 * and the features' settings ({@link #SETTINGS}) and, as in a {@link Weighting} spec, the class
 * weight power of every head or one head and the loss weight of a source; a variant that names any
 * of these has the weighting it spells out ({@link Weighting#parse}: a head or source it does not
 * name takes the default), else the shipped one.
 *
 * @param name   the variant as written, normalised (its contestant name is {@code dlbugs[name]})
 * @param config the configuration it stands for
 */
public record Variant(String name, TrainingConfig config) {

    /** The settings a variant may change, by name, and how each value is applied. */
    static final Map<String, BiFunction<TrainingConfig.Builder, String, TrainingConfig.Builder>> SETTINGS = settings();

    private static Map<String, BiFunction<TrainingConfig.Builder, String, TrainingConfig.Builder>> settings() {
        Map<String, BiFunction<TrainingConfig.Builder, String, TrainingConfig.Builder>> m = new LinkedHashMap<>();
        m.put("epochs", (b, v) -> b.epochs(Integer.parseInt(v)));
        m.put("batch-size", (b, v) -> b.batchSize(Integer.parseInt(v)));
        m.put("hidden", (b, v) -> b.hidden(Integer.parseInt(v)));
        m.put("input-dropout", (b, v) -> b.inputDropout(Double.parseDouble(v)));
        m.put("dropout", (b, v) -> b.dropout(Double.parseDouble(v)));
        m.put("learning-rate", (b, v) -> b.learningRate(Double.parseDouble(v)));
        m.put("l2", (b, v) -> b.l2(Double.parseDouble(v)));
        m.put("silver-weight", (b, v) -> b.silverWeight(Double.parseDouble(v)));
        m.put("wide", (b, v) -> b.wide(bool(v)));
        m.put("encoder", (b, v) -> b.encoder(v));
        m.put("max-features", (b, v) -> b.features(b.build().features().withMaxFeatures(Integer.parseInt(v))));
        m.put("diff-shape", (b, v) -> b.features(b.build().features().withDiffShape(bool(v))));
        m.put("knn", (b, v) -> b.neighbours(Double.parseDouble(v) == 0 ? null : new NeighbourConfig(
                k(b), Double.parseDouble(v))));
        m.put("embed-chars", (b, v) -> b.embedChars(Integer.parseInt(v)));
        m.put("knn-k", (b, v) -> b.neighbours(new NeighbourConfig(Integer.parseInt(v), weight(b))));
        return Map.copyOf(m);
    }

    /**
     * @param base  the configuration a variant changes
     * @param spec  {@code NAME=VALUE,...}
     * @param heads the head names a weighting may name
     * @return the variant
     * @throws IllegalArgumentException naming what is wrong, with the known names
     */
    public static Variant parse(TrainingConfig base, String spec, Collection<String> heads) {
        TrainingConfig.Builder b = base.toBuilder();
        List<String> weighting = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("expected NAME=VALUE, got '" + part.strip() + "'");
            }
            var setting = SETTINGS.get(kv[0].strip());
            if (setting == null) {
                weighting.add(part.strip());
                continue;
            }
            try {
                setting.apply(b, kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a number (in '" + part.strip() + "')");
            }
        }
        if (!weighting.isEmpty()) {
            try {
                b.weighting(Weighting.parse(String.join(",", weighting), heads));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; or one of the settings: "
                        + String.join(", ", SETTINGS.keySet().stream().sorted().toList()));
            }
        }
        return new Variant(spec.strip().replace(" ", ""), b.build());
    }

    /** @return the contestant's name in an evaluation */
    public String contestant() {
        return "dlbugs[" + name + "]";
    }

    private static boolean bool(String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("expected true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** The neighbours a {@code knn=WEIGHT} without {@code knn-k} asks for. */
    static final int DEFAULT_K = 10;

    private static int k(TrainingConfig.Builder b) {
        NeighbourConfig n = b.build().neighbours();
        return n == null ? DEFAULT_K : n.k();
    }

    private static double weight(TrainingConfig.Builder b) {
        NeighbourConfig n = b.build().neighbours();
        return n == null ? 0.3 : n.weight();
    }

}
