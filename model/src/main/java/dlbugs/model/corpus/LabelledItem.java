package dlbugs.model.corpus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One labelled unit of the corpus (a hunk, a commit, a file excerpt or a question) with its
 * labels. A unit the study labelled more than once keeps every label: {@code votes} maps each
 * head to label → number of rows that gave it. A head with no votes is unlabelled for this unit
 * (the network masks it).
 *
 * @param unitId  identity of the unit
 * @param groupId the commit or question it belongs to; splits never separate a group
 * @param source  GitHub or Stack Overflow
 * @param quality gold (the study's) or silver (this project's annotation)
 * @param report  its text
 * @param votes   head → label → count
 */
public record LabelledItem(String unitId, String groupId, Source source, Quality quality, BugReport report,
                           Map<String, Map<String, Integer>> votes) {

    public LabelledItem {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        votes.forEach((head, v) -> {
            if (!v.isEmpty()) {
                copy.put(head, Map.copyOf(v));
            }
        });
        votes = Map.copyOf(copy);
    }

    /** @return true if this unit has a label for the head */
    public boolean has(String head) {
        return votes.containsKey(head);
    }

    /** @return the most voted label of a head (ties: alphabetical first), if labelled */
    public Optional<String> majority(String head) {
        return Optional.ofNullable(votes.get(head)).flatMap(v -> v.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey));
    }
}
