package dlbugs.model.predict;

import java.util.Map;

/**
 * A known bug of the corpus that resembles a report.
 *
 * @param id         its id in the corpus
 * @param link       the commit or question
 * @param title      its first line
 * @param labels     head → label the study's raters gave it (fix pattern where known)
 * @param similarity cosine similarity of the two TF-IDF vectors, in (0, 1]
 */
public record SimilarBug(String id, String link, String title, Map<String, String> labels, double similarity) {
    public SimilarBug {
        labels = Map.copyOf(labels);
    }
}
