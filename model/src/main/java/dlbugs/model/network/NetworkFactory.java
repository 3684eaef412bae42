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
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J {@link ComputationGraph} of a {@link NetworkSpec}: the trunk once, then one
 * named softmax output per head in a loop, all registered as outputs (DL4J's multi-task graph).
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
                .addInputs(INPUT)
                .addLayer(TRUNK, new DenseLayer.Builder().nIn(spec.inputSize()).nOut(spec.hidden())
                        .activation(Activation.RELU).dropOut(1 - spec.inputDropout()).build(), INPUT);
        for (HeadSpec head : spec.heads()) {
            g.addLayer(head.outputName(), new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(spec.hidden()).nOut(head.labels().size()).activation(Activation.SOFTMAX)
                    .dropOut(1 - spec.dropout()).build(), TRUNK);
        }
        g.setOutputs(spec.heads().stream().map(HeadSpec::outputName).toArray(String[]::new));
        return g.build();
    }

    /** @return a new, initialised network */
    public static ComputationGraph build(NetworkSpec spec) {
        ComputationGraph graph = new ComputationGraph(configuration(spec));
        graph.init();
        return graph;
    }
}
