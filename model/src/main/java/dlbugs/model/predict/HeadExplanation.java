package dlbugs.model.predict;

import java.util.List;

/**
 * Why a head gave its answer: the features that raised that label's probability most.
 *
 * @param head  head name
 * @param label the answer explained
 * @param top   the strongest attributions, largest first; only those that raised the answer
 */
public record HeadExplanation(String head, String label, List<Attribution> top) {
    public HeadExplanation {
        top = List.copyOf(top);
    }
}
