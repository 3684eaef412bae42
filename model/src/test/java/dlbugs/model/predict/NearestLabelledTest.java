package dlbugs.model.predict;

import dlbugs.model.bundle.KnownBugs;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NearestLabelledTest {

    private final Head effect = Taxonomy.islam2019().head(Taxonomy.EFFECT);

    private static float[] unit(double... v) {
        double n = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) (v[i] / n);
        }
        return f;
    }

    private final NearestLabelled neighbours = new NearestLabelled(
            List.of(unit(1, 0, 0), unit(0.9, 0.1, 0), unit(0, 1, 0), unit(0, 0, 1), unit(1, 0.05, 0)),
            List.of(Map.of(Taxonomy.EFFECT, "Crash"), Map.of(Taxonomy.EFFECT, "Crash"), Map.of(Taxonomy.EFFECT, "Hang"),
                    Map.of(Taxonomy.DL_BUG, Taxonomy.NOT_DL_BUG), Map.of()));

    @Test
    void the_nearest_units_labelled_for_the_head_vote_by_their_similarity() {
        double[] s = neighbours.similarities(unit(1, 0.2, 0));
        double[] vote = neighbours.vote(s, effect, 2);
        assertThat(vote[effect.indexOf("Crash")]).isCloseTo(1.0, within(1e-9));
        double[] three = neighbours.vote(s, effect, 3);
        assertThat(three[effect.indexOf("Hang")]).isGreaterThan(0).isLessThan(three[effect.indexOf("Crash")]);
        assertThat(Arrays.stream(three).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void among_many_units_exactly_the_k_most_similar_vote() {
        java.util.Random random = new java.util.Random(7);
        List<float[]> vectors = new java.util.ArrayList<>();
        List<Map<String, String>> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            vectors.add(unit(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()));
            labels.add(Map.of(Taxonomy.EFFECT, effect.labels().get(i % effect.size())));
        }
        NearestLabelled many = new NearestLabelled(vectors, labels);
        double[] s = many.similarities(unit(0.3, -0.5, 0.8));
        Integer[] order = java.util.stream.IntStream.range(0, 300).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        double[] expected = new double[effect.size()];
        double total = 0;
        for (int j = 0; j < 10; j++) {
            expected[effect.indexOf(labels.get(order[j]).get(Taxonomy.EFFECT))] += Math.max(0, s[order[j]]);
            total += Math.max(0, s[order[j]]);
        }
        for (int c = 0; c < expected.length; c++) {
            expected[c] /= total;
        }
        assertThat(many.vote(s, effect, 10)).containsExactly(expected, within(1e-12));
    }

    @Test
    void units_unlabelled_for_a_head_and_dissimilar_ones_do_not_vote() {
        // the nearest unit (index 4) has no effect; the orthogonal one (index 3) has no effect either
        double[] s = neighbours.similarities(unit(0, 0, 1));
        assertThat(neighbours.vote(s, effect, 5)).isNull();
    }

    @Test
    void the_blend_weighs_the_vote_and_leaves_the_network_alone_without_one() {
        double[] net = {0.2, 0.8};
        assertThat(NearestLabelled.blend(net, new double[] {1, 0}, 0.25)).containsExactly(new double[] {0.4, 0.6}, within(1e-12));
        assertThat(NearestLabelled.blend(net, null, 0.25)).isSameAs(net);
    }

    @Test
    void a_quantised_embedding_keeps_its_direction() {
        float[] v = unit(0.3, -0.5, 0.81, 0.01);
        float[] back = KnownBugs.dequantise(KnownBugs.quantise(v));
        double cos = 0;
        for (int i = 0; i < v.length; i++) {
            cos += v[i] * back[i];
        }
        assertThat(cos).isGreaterThan(0.999);
    }
}
