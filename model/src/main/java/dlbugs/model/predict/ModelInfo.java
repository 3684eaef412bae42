package dlbugs.model.predict;

import dlbugs.model.taxonomy.Head;

import java.util.List;

/**
 * The identity of a trained model, as callers see it.
 *
 * @param name    model name, e.g. {@code dlbugs-islam2019}
 * @param version model version, e.g. {@code 2026.11.25-1a2b3c4}
 * @param heads   the heads it predicts, in output order
 */
public record ModelInfo(String name, String version, List<Head> heads) {
    public ModelInfo {
        heads = List.copyOf(heads);
    }
}
