package dlbugs.model.eval;

import dlbugs.model.corpus.LabelledItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation folds grouped by commit or question (every unit of a group lands in
 * the same fold) and stratified as far as groups allow: groups are placed largest first, each
 * into the fold that so far holds the fewest units of the group's dominant label, then the
 * fewest units. Ties are broken by a seeded shuffle, so folds are reproducible.
 */
public final class GroupKFold {

    private GroupKFold() {
    }

    /**
     * @param items      units to split
     * @param folds      number of folds, at least 2
     * @param stratifyBy head whose majority label is balanced across folds
     * @param seed       tie-breaking seed
     * @return for each unit (same order as {@code items}), its fold in [0, folds)
     */
    public static int[] assign(List<LabelledItem> items, int folds, String stratifyBy, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            groups.computeIfAbsent(items.get(i).groupId(), g -> new ArrayList<>()).add(i);
        }
        if (groups.size() < folds) {
            throw new IllegalArgumentException(groups.size() + " groups cannot fill " + folds + " folds");
        }
        List<String> order = new ArrayList<>(groups.keySet());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((String g) -> groups.get(g).size()).reversed());

        int[] foldOf = new int[items.size()];
        int[] size = new int[folds];
        Map<String, int[]> labelCount = new HashMap<>();
        for (String g : order) {
            List<Integer> members = groups.get(g);
            String label = dominant(items, members, stratifyBy);
            int[] perFold = labelCount.computeIfAbsent(label, l -> new int[folds]);
            int best = 0;
            for (int f = 1; f < folds; f++) {
                if (perFold[f] < perFold[best] || (perFold[f] == perFold[best] && size[f] < size[best])) {
                    best = f;
                }
            }
            for (int i : members) {
                foldOf[i] = best;
            }
            perFold[best] += members.size();
            size[best] += members.size();
        }
        return foldOf;
    }

    private static String dominant(List<LabelledItem> items, List<Integer> members, String head) {
        Map<String, Integer> count = new HashMap<>();
        members.forEach(i -> items.get(i).majority(head).ifPresent(l -> count.merge(l, 1, Integer::sum)));
        return count.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }
}
