package dlbugs.model.network;

import java.util.List;

/**
 * The multi-task network: a shared trunk (input dropout, one dense ReLU layer) feeding one
 * softmax output per head. A value; {@link NetworkFactory} builds the graph from it.
 *
 * @param inputSize    vocabulary size
 * @param hidden       width of the shared layer; 0 connects every head straight to the input
 *                     (one multinomial logistic regression per head)
 * @param inputDropout fraction of input features dropped while training
 * @param dropout      fraction of trunk activations dropped before each head while training
 * @param l2           L2 weight decay
 * @param learningRate Adam learning rate
 * @param seed         weight initialisation and dropout seed
 * @param heads        the outputs, in order
 */
public record NetworkSpec(int inputSize, int hidden, double inputDropout, double dropout, double l2,
                          double learningRate, long seed, List<HeadSpec> heads) {

    public NetworkSpec {
        heads = List.copyOf(heads);
        if (inputSize < 1 || hidden < 0) {
            throw new IllegalArgumentException("inputSize must be positive and hidden non-negative");
        }
        if (inputDropout < 0 || inputDropout >= 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout fractions must be in [0, 1)");
        }
        if (learningRate <= 0 || l2 < 0) {
            throw new IllegalArgumentException("learningRate must be positive and l2 non-negative");
        }
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one head");
        }
    }
}
