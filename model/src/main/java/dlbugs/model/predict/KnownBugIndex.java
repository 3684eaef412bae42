package dlbugs.model.predict;

import dlbugs.model.bundle.KnownBugs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bundle's known bugs, ready to search: by the cosine of sentence embeddings when the bundle
 * stores them (every labelled unit of every source), else by the cosine of TF-IDF vectors (the
 * gold units of older bundles). Its {@link #neighbours()} vote beside the network. Immutable.
 */
final class KnownBugIndex {

    private final KnownBugs known;
    private final NearestLabelled neighbours;

    KnownBugIndex(KnownBugs known) {
        this.known = known;
        this.neighbours = known.embedded() ? new NearestLabelled(known.bugs().stream().map(KnownBugs.KnownBug::vector).toList(),
                known.bugs().stream().map(KnownBugs.KnownBug::labels).toList()) : null;
    }

    /** @return the labelled units' embeddings and labels, or null if the bundle stores no embeddings */
    NearestLabelled neighbours() {
        return neighbours;
    }

    /**
     * @param embedding the report's sentence embedding, or null if the bundle has none
     * @param tfidf     the report's TF-IDF vector
     * @param k         most bugs to return
     * @return the known bugs most like the report, most similar first
     */
    List<SimilarBug> similar(float[] embedding, float[] tfidf, int k) {
        List<SimilarBug> out = new ArrayList<>();
        if (neighbours != null && embedding != null) {
            double[] s = neighbours.similarities(embedding);
            for (int i = 0; i < s.length; i++) {
                if (s[i] > 0) {
                    out.add(similar(known.bugs().get(i), s[i]));
                }
            }
        } else {
            double norm = 0;
            for (float x : tfidf) {
                norm += x * x;
            }
            for (KnownBugs.KnownBug b : known.bugs()) {
                double dot = 0;
                for (int j = 0; j < b.index().length; j++) {
                    dot += tfidf[b.index()[j]] * b.weight()[j];
                }
                if (dot > 0 && norm > 0) {
                    out.add(similar(b, dot / Math.sqrt(norm)));
                }
            }
        }
        out.sort(Comparator.comparingDouble(SimilarBug::similarity).reversed());
        return List.copyOf(out.subList(0, Math.min(k, out.size())));
    }

    private static SimilarBug similar(KnownBugs.KnownBug b, double similarity) {
        return new SimilarBug(b.id(), b.link(), b.title(), b.labels(), Math.min(1, similarity),
                b.source() == null ? "" : b.source());
    }
}
