package dlbugs.model.predict;

import java.util.List;

/**
 * Why a head gave its answer: the features that raised that label's probability most.
 *
 * @param head  head name
 * @param label the answer explained
 * @param top    the strongest attributions, largest first; only those that raised the answer
 * @param reason what decided the answer when a rule did rather than the model's features (then
 *               {@code top} is empty); null otherwise
 */
public record HeadExplanation(String head, String label, List<Attribution> top, String reason) {
    public HeadExplanation {
        top = List.copyOf(top);
    }

    /** An answer the model's features decided. */
    public HeadExplanation(String head, String label, List<Attribution> top) {
        this(head, label, top, null);
    }
}
