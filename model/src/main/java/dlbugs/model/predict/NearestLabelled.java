package dlbugs.model.predict;

import dlbugs.model.bundle.NeighbourConfig;
import dlbugs.model.taxonomy.Head;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The labelled units nearest a report, by the cosine of their sentence embeddings, and their vote:
 * for a head, each of the {@code k} nearest units labelled for it gives its label the weight of its
 * similarity (negative similarities give nothing), normalised to a distribution. Blended with the
 * network's answer ({@link #blend}), it lets every labelled unit, including those added after the
 * network was fitted, speak for the reports that resemble it. Immutable; thread-safe.
 */
public final class NearestLabelled {

    private final float[][] vectors;
    private final List<Map<String, String>> labels;
    /** Per head, the units labelled for it (computed on first use; the map is safe to share). */
    private final Map<String, int[]> labelledFor = new ConcurrentHashMap<>();

    /**
     * @param vectors one unit-length embedding per labelled unit
     * @param labels  per unit, head → its label
     */
    public NearestLabelled(List<float[]> vectors, List<Map<String, String>> labels) {
        if (vectors.size() != labels.size()) {
            throw new IllegalArgumentException("one label map per vector: " + vectors.size() + " vs " + labels.size());
        }
        this.vectors = vectors.toArray(float[][]::new);
        this.labels = List.copyOf(labels);
    }

    /** @return how many labelled units vote */
    public int size() {
        return vectors.length;
    }

    /** @return per unit, its cosine similarity with the query (unit length) */
    public double[] similarities(float[] query) {
        double[] s = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double dot = 0;
            float[] v = vectors[i];
            for (int j = 0; j < v.length; j++) {
                dot += v[j] * query[j];
            }
            s[i] = dot;
        }
        return s;
    }

    /**
     * @param similarities {@link #similarities} of the query
     * @param head         the head voted on
     * @param k            how many of the nearest units labelled for the head vote
     * @return a distribution over the head's labels, or null if no unit labelled for it is similar at all
     */
    public double[] vote(double[] similarities, Head head, int k) {
        int[] units = labelledFor.computeIfAbsent(head.name(), this::unitsLabelledFor);
        // the k most similar, kept in arrays by descending similarity: k is small, the units many
        int[] best = new int[Math.min(k, units.length)];
        if (best.length == 0) {
            return null;
        }
        int kept = 0;
        for (int i : units) {
            double s = similarities[i];
            if (kept == best.length && s <= similarities[best[kept - 1]]) {
                continue;
            }
            int at = kept == best.length ? kept - 1 : kept++;
            while (at > 0 && similarities[best[at - 1]] < s) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        double[] p = new double[head.size()];
        double total = 0;
        for (int j = 0; j < kept; j++) {
            double w = Math.max(0, similarities[best[j]]);
            p[head.indexOf(labels.get(best[j]).get(head.name()))] += w;
            total += w;
        }
        if (total == 0) {
            return null;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= total;
        }
        return p;
    }

    private int[] unitsLabelledFor(String head) {
        return IntStream.range(0, labels.size()).filter(i -> labels.get(i).containsKey(head)).toArray();
    }

    /**
     * Blends every head's row of every report with the vote of the units nearest that report: how
     * the predictor answers, and so how cross-validation scores its answers.
     *
     * @param byHead   per head (in {@code heads}' order), one row per report; rows are replaced
     * @param embedded the reports' embeddings, in the rows' order
     * @param heads    the heads voted on
     * @param config   how many units vote, and how much they count
     * @return {@code byHead}
     */
    public List<double[][]> blendAll(List<double[][]> byHead, float[][] embedded, List<Head> heads, NeighbourConfig config) {
        for (int row = 0; row < embedded.length; row++) {
            List<double[]> votes = votes(embedded[row], heads, config.k());
            for (int h = 0; h < heads.size(); h++) {
                byHead.get(h)[row] = blend(byHead.get(h)[row], votes.get(h), config.weight());
            }
        }
        return byHead;
    }

    /** @return per head, the vote of the {@code k} units nearest the embedding (null for a head none votes on) */
    public List<double[]> votes(float[] embedding, List<Head> heads, int k) {
        double[] similarities = similarities(embedding);
        List<double[]> votes = new ArrayList<>(heads.size());
        for (Head head : heads) {
            votes.add(vote(similarities, head, k));
        }
        return votes;
    }

    /**
     * @param network the network's distribution
     * @param vote    the neighbours' ({@link #vote}), or null for none
     * @param weight  how much the neighbours count, in [0, 1]
     * @return {@code (1 - weight) · network + weight · vote}, or the network's alone without a vote
     */
    public static double[] blend(double[] network, double[] vote, double weight) {
        if (vote == null || weight == 0) {
            return network;
        }
        double[] out = new double[network.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (1 - weight) * network[c] + weight * vote[c];
        }
        return out;
    }
}
