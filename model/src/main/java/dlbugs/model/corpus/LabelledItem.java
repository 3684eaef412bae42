package dlbugs.model.corpus;

import dlbugs.model.taxonomy.Taxonomy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One labelled unit of the corpus (a hunk, a commit, a file excerpt, a question or an issue) with
 * its labels. A unit the study labelled more than once keeps every label: {@code votes} maps each
 * head to label → number of rows that gave it. A head with no votes is unlabelled for this unit
 * (the network masks it).
 *
 * @param unitId  identity of the unit
 * @param groupId the commit, question or issue it belongs to; splits never separate a group
 * @param source  a study commit, a Stack Overflow question or a GitHub issue
 * @param quality gold (the study's) or silver (this project's annotation)
 * @param report  its text
 * @param votes   head → label → count
 * @param dlBug   whether the source says the unit is a DL bug; null where it does not say. A unit
 *                that is not one ({@code false}) has no label but its {@code dl_bug} vote: the
 *                taxonomy's other heads do not apply
 */
public record LabelledItem(String unitId, String groupId, Source source, Quality quality, BugReport report,
                           Map<String, Map<String, Integer>> votes, Boolean dlBug) {

    /**
     * @throws IllegalArgumentException if a unit that is not a DL bug carries labels
     */
    public LabelledItem {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        votes.forEach((head, v) -> {
            if (!v.isEmpty()) {
                copy.put(head, Map.copyOf(v));
            }
        });
        votes = Map.copyOf(copy);
        if (Boolean.FALSE.equals(dlBug) && votes.keySet().stream().anyMatch(h -> !h.equals(Taxonomy.DL_BUG))) {
            throw new IllegalArgumentException("unit " + unitId + " is not a DL bug but has labels for " + votes.keySet());
        }
    }

    /** A unit whose source does not say whether it is a DL bug ({@code dlBug} null). */
    public LabelledItem(String unitId, String groupId, Source source, Quality quality, BugReport report,
                        Map<String, Map<String, Integer>> votes) {
        this(unitId, groupId, source, quality, report, votes, null);
    }

    /** @return the kind of report this unit is: its source's, or what its text says */
    public ReportKind kind() {
        return source.kindOf(report);
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
