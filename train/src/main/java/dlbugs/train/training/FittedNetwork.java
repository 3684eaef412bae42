package dlbugs.train.training;

import dlbugs.model.features.Vocabulary;
import dlbugs.model.network.NetworkSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A fitted network with the vocabulary it was fitted on.
 *
 * @param spec       its shape and heads
 * @param vocabulary its input columns (built from its training units only)
 * @param network    the weights
 */
public record FittedNetwork(NetworkSpec spec, Vocabulary vocabulary, ComputationGraph network) {
}
