package dlbugs.model.bundle;

import java.util.List;
import java.util.Map;

/**
 * The corpus' gold units as the model sees them, for finding the known bugs most like a new
 * report: each with its link, a title, its labels and its TF-IDF vector (sparse, unit length).
 * Stored in a bundle as {@code known_bugs.json}; a bundle without it has none.
 *
 * @param bugs the known bugs
 */
public record KnownBugs(List<KnownBug> bugs) {

    public KnownBugs {
        bugs = List.copyOf(bugs);
    }

    /** @return no known bugs */
    public static KnownBugs none() {
        return new KnownBugs(List.of());
    }

    /**
     * One labelled unit of the corpus.
     *
     * @param id      the unit's id in the corpus
     * @param link    where to read it: the commit (with its hunk anchor) or the question
     * @param title   its first line, shortened
     * @param labels  head → label (the raters' majority), for the heads it has
     * @param index   the vocabulary indices of its strongest features
     * @param weight  their weights; the vector has length 1
     */
    public record KnownBug(String id, String link, String title, Map<String, String> labels, int[] index, float[] weight) {
        public KnownBug {
            labels = Map.copyOf(labels);
        }
    }
}
