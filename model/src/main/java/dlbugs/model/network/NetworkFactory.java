package dlbugs.model.network;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
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
 * Builds the DL4J {@link ComputationGraph} of a {@link NetworkSpec}: the trunk once (unless the
 * spec has none), then one named softmax output per head in a loop, all registered as outputs
 * (DL4J's multi-task graph).
 */
public final class NetworkFactory {

    /** Name of the graph's single input. */
    public static final String INPUT = "features";
    private static final String TRUNK = "trunk";

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
                .graphBuilder()
                .addInputs(INPUT);
        String below = INPUT;
        int width = spec.inputSize();
        double headDropout = spec.inputDropout();
        if (spec.hidden() > 0) {
            g.addLayer(TRUNK, new DenseLayer.Builder().nIn(spec.inputSize()).nOut(spec.hidden())
                    .activation(Activation.RELU).dropOut(1 - spec.inputDropout()).build(), INPUT);
            below = TRUNK;
            width = spec.hidden();
            headDropout = spec.dropout();
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
