package dlbugs.model.predict;

import java.util.Map;

/**
 * A known bug of the corpus that resembles a report.
 *
 * @param id         its id in the corpus
 * @param link       the commit, question or issue
 * @param title      its first line
 * @param labels     head → label its annotators gave it (fix pattern where known; "Not a DL bug" for
 *                   a report that was none)
 * @param similarity cosine similarity of the two sentence embeddings (or, for a bundle without
 *                   them, TF-IDF vectors), in (0, 1]
 * @param source     the source it comes from ({@code github}, {@code stackoverflow}, {@code github_issues},
 *                   {@code denchmark}, {@code commits}); "" if the bundle does not say
 */
public record SimilarBug(String id, String link, String title, Map<String, String> labels, double similarity,
                         String source) {
    public SimilarBug {
        labels = Map.copyOf(labels);
    }
}
