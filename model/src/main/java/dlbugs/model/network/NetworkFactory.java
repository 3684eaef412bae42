package dlbugs.model.network;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Builds the DL4J {@link ComputationGraph} of a {@link NetworkSpec}: the inputs ({@value #INPUT},
 * and {@value #EMBEDDING} joined to it by a {@link MergeVertex} when the spec has an embedding),
 * the trunk once (unless the spec has none; a wide spec joins the TF-IDF input to it), then one
 * named softmax output per head in a loop, all registered as outputs (DL4J's multi-task graph).
 */
public final class NetworkFactory {

    /** Name of the graph's TF-IDF input (its first). */
    public static final String INPUT = "features";
    /** Name of the graph's sentence-embedding input (its second), present when the spec has one. */
    public static final String EMBEDDING = "embedding";
    private static final String MERGED = "merged";
    private static final String TRUNK = "trunk";
    private static final String WIDE = "wide";

    private NetworkFactory() {
    }

    /** @return the graph's configuration (printable with {@code toJson()}) */
    public static ComputationGraphConfiguration configuration(NetworkSpec spec) {
        // DL4J's dropOut(p) takes the probability of *keeping* an activation.
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.learningRate()))
                .l2(spec.l2())
                .weightInit(WeightInit.XAVIER)
                .graphBuilder();
        String below = inputs(g, spec);
        int width = spec.inputSize() + spec.embeddingSize();
        double headDropout = spec.inputDropout();
        if (spec.hidden() > 0) {
            g.addLayer(TRUNK, new DenseLayer.Builder().nIn(width).nOut(spec.hidden())
                    .activation(Activation.RELU).dropOut(1 - spec.inputDropout()).build(), below);
            below = TRUNK;
            width = spec.hidden();
            headDropout = spec.dropout();
            if (spec.wide()) {
                g.addVertex(WIDE, new MergeVertex(), TRUNK, INPUT);
                below = WIDE;
                width += spec.inputSize();
            }
        }
        for (HeadSpec head : spec.heads()) {
            OutputLayer.Builder out = new OutputLayer.Builder(loss(head))
                    .nIn(width).nOut(head.labels().size()).activation(Activation.SOFTMAX);
            if (headDropout > 0) {
                out.dropOut(1 - headDropout);
            }
            g.addLayer(head.outputName(), out.build(), below);
        }
        g.setOutputs(spec.heads().stream().map(HeadSpec::outputName).toArray(String[]::new));
        return g.build();
    }

    /** @return the vertex the trunk (or the heads) read: the TF-IDF input, or both inputs merged */
    private static String inputs(ComputationGraphConfiguration.GraphBuilder g, NetworkSpec spec) {
        if (spec.embeddingSize() == 0) {
            g.addInputs(INPUT);
            return INPUT;
        }
        g.addInputs(INPUT, EMBEDDING);
        g.addVertex(MERGED, new MergeVertex(), INPUT, EMBEDDING);
        return MERGED;
    }

    private static ILossFunction loss(HeadSpec head) {
        if (head.classWeights().isEmpty()) {
            return LossFunctions.LossFunction.MCXENT.getILossFunction();
        }
        double[] w = head.classWeights().stream().mapToDouble(Double::doubleValue).toArray();
        return new LossMCXENT(Nd4j.create(w).castTo(DataType.FLOAT));
    }

    /** @return a new, initialised network */
    public static ComputationGraph build(NetworkSpec spec) {
        ComputationGraph graph = new ComputationGraph(configuration(spec));
        graph.init();
        return graph;
    }
}
