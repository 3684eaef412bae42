package dlbugs.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Predictor;

import java.util.List;

/**
 * A model ready to serve: one predictor per inference worker, and what {@code GET /model} tells
 * about it beyond its identity (provenance, evaluation figures, calibration).
 *
 * @param replicas independent copies of one model, at least one
 * @param details  the bundle's metadata as JSON; empty for a model without a bundle
 */
public record LoadedModel(List<Predictor> replicas, ObjectNode details) {
    public LoadedModel {
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one replica");
        }
    }

    /** @return name, version and heads */
    public ModelInfo info() {
        return replicas.get(0).info();
    }
}
