package dlbugs.model.network;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/** Runs a network on feature rows (and embedding rows, if it has that input) and returns each head's probability rows. */
public final class NetworkOutputs {

    private NetworkOutputs() {
    }

    /**
     * @param network a graph built from a {@link NetworkSpec}
     * @param rows    feature vectors, one per report (at least one)
     * @return per head (output order), one probability row per report
     */
    public static List<double[][]> probabilities(ComputationGraph network, float[][] rows) {
        return probabilities(network, rows, null);
    }

    /**
     * @param network    a graph built from a {@link NetworkSpec}
     * @param rows       feature vectors, one per report (at least one)
     * @param embeddings one embedding per report, or null for a network with the feature input only
     * @return per head (output order), one probability row per report
     */
    public static List<double[][]> probabilities(ComputationGraph network, float[][] rows, float[][] embeddings) {
        try (INDArray input = Nd4j.create(rows);
             INDArray embedding = embeddings == null ? null : Nd4j.create(embeddings)) {
            INDArray[] outputs = embedding == null ? network.output(false, input) : network.output(false, input, embedding);
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
