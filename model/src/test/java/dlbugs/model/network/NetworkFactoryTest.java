package dlbugs.model.network;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NetworkFactoryTest {

    private static final List<HeadSpec> HEADS = List.of(new HeadSpec("effect", List.of("Crash", "Hang"), List.of()),
            new HeadSpec("stage", List.of("Training", "Prediction", "Deployment"), List.of()));

    private static NetworkSpec spec(int embedding, int hidden) {
        return new NetworkSpec(5, embedding, hidden, 0.2, 0.5, 1e-4, 1e-3, 1, HEADS);
    }

    private static long nIn(ComputationGraphConfiguration c, String vertex) {
        return ((FeedForwardLayer) ((LayerVertex) c.getVertices().get(vertex)).getLayerConf().getLayer()).getNIn();
    }

    @Test
    void without_an_embedding_the_graph_has_the_feature_input_alone() {
        ComputationGraphConfiguration c = NetworkFactory.configuration(spec(0, 4));
        assertThat(c.getNetworkInputs()).containsExactly("features");
        assertThat(c.getVertices()).doesNotContainKey("merged");
        assertThat(nIn(c, "trunk")).isEqualTo(5);
    }

    @Test
    void an_embedding_is_a_second_input_merged_into_the_trunk() {
        ComputationGraphConfiguration c = NetworkFactory.configuration(spec(3, 4));
        assertThat(c.getNetworkInputs()).containsExactly("features", "embedding");
        assertThat(c.getVertices().get("merged")).isInstanceOf(MergeVertex.class);
        assertThat(c.getVertexInputs().get("merged")).containsExactly("features", "embedding");
        assertThat(c.getVertexInputs().get("trunk")).containsExactly("merged");
        assertThat(nIn(c, "trunk")).isEqualTo(8);
    }

    @Test
    void without_a_trunk_the_heads_read_the_merged_inputs() {
        ComputationGraphConfiguration c = NetworkFactory.configuration(spec(3, 0));
        assertThat(c.getVertexInputs().get("out_effect")).containsExactly("merged");
        assertThat(nIn(c, "out_stage")).isEqualTo(8);
    }

    @Test
    void runs_on_both_inputs() {
        ComputationGraph g = NetworkFactory.build(spec(3, 4));
        List<double[][]> p = NetworkOutputs.probabilities(g, new float[][] {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}},
                new float[][] {{0.6f, 0.8f, 0}, {0, 0, 1}});
        assertThat(p).hasSize(2);
        assertThat(p.get(1)).hasNumberOfRows(2);
        assertThat(p.get(1)[0][0] + p.get(1)[0][1] + p.get(1)[0][2]).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void rejects_a_negative_embedding_width() {
        assertThatThrownBy(() -> spec(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
