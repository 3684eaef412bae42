package dlbugs.model.network;

import java.util.List;

/**
 * The multi-task network: a shared trunk (input dropout, one dense ReLU layer) feeding one
 * softmax output per head; with an embedding, the TF-IDF vector and the sentence embedding are
 * two inputs joined before the trunk. A value; {@link NetworkFactory} builds the graph from it.
 *
 * @param inputSize     vocabulary size
 * @param embeddingSize width of the sentence embedding input; 0 for none (the TF-IDF input
 *                      only, as every bundle before embeddings, whose manifests lack the field)
 * @param hidden        width of the shared layer; 0 connects every head straight to the input(s)
 *                      (one multinomial logistic regression per head)
 * @param inputDropout  fraction of input values (TF-IDF and embedding alike) dropped while training
 * @param dropout       fraction of trunk activations dropped before each head while training
 * @param l2            L2 weight decay
 * @param learningRate  Adam learning rate
 * @param seed          weight initialisation and dropout seed
 * @param heads         the outputs, in order
 * @param wide          whether each head reads the TF-IDF input too, beside the trunk: a linear path
 *                      per head, as a logistic regression has (false in manifests that lack the field)
 */
public record NetworkSpec(int inputSize, int embeddingSize, int hidden, double inputDropout, double dropout, double l2,
                          double learningRate, long seed, List<HeadSpec> heads, boolean wide) {

    public NetworkSpec {
        heads = List.copyOf(heads);
        if (inputSize < 1 || embeddingSize < 0 || hidden < 0) {
            throw new IllegalArgumentException("inputSize must be positive, embeddingSize and hidden non-negative");
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
        if (wide && hidden == 0) {
            throw new IllegalArgumentException("a wide network needs a trunk (hidden > 0): without one every head is already wide");
        }
    }

    /** A network whose heads read the trunk only. */
    public NetworkSpec(int inputSize, int embeddingSize, int hidden, double inputDropout, double dropout, double l2,
                       double learningRate, long seed, List<HeadSpec> heads) {
        this(inputSize, embeddingSize, hidden, inputDropout, dropout, l2, learningRate, seed, heads, false);
    }
}
