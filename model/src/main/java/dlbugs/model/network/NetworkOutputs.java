package dlbugs.model.network;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/** Runs a network on feature rows and returns each head's probability rows. */
public final class NetworkOutputs {

    private NetworkOutputs() {
    }

    /**
     * @param network a graph built from a {@link NetworkSpec}
     * @param rows    feature vectors, one per report (at least one)
     * @return per head (output order), one probability row per report
     */
    public static List<double[][]> probabilities(ComputationGraph network, float[][] rows) {
        try (INDArray input = Nd4j.create(rows)) {
            INDArray[] outputs = network.output(false, input);
            List<double[][]> byHead = new ArrayList<>(outputs.length);
            for (INDArray out : outputs) {
                // One copy per head, no row views: each view would cost a native shape buffer.
                byHead.add(out.toDoubleMatrix());
                out.close();
            }
            return byHead;
        }
    }
}
