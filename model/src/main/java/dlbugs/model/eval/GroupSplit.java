package dlbugs.model.eval;

import dlbugs.model.corpus.LabelledItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A train/test split by group: every unit of a commit or question lands on the same side, so
 * no commit's hunks are learnt from and then scored on.
 *
 * @param train training units
 * @param test  held-out units
 */
public record GroupSplit(List<LabelledItem> train, List<LabelledItem> test) {

    public GroupSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Shuffles the groups with {@code seed} and moves whole groups to the test side until it
     * holds at least {@code fraction} of the units.
     *
     * @param items    units to split
     * @param fraction share of units to hold out, in [0, 1)
     * @param seed     shuffle seed
     * @return the split; {@code test} is empty when {@code fraction} is 0
     */
    public static GroupSplit of(List<LabelledItem> items, double fraction, long seed) {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("hold-out fraction must be in [0, 1), got " + fraction);
        }
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(items.stream().map(LabelledItem::groupId).toList()));
        Collections.shuffle(groups, new Random(seed));
        Set<String> testGroups = new HashSet<>();
        int target = (int) Math.ceil(fraction * items.size());
        int taken = 0;
        for (String g : groups) {
            if (taken >= target) {
                break;
            }
            testGroups.add(g);
            taken += (int) items.stream().filter(i -> i.groupId().equals(g)).count();
        }
        List<LabelledItem> train = new ArrayList<>();
        List<LabelledItem> test = new ArrayList<>();
        items.forEach(i -> (testGroups.contains(i.groupId()) ? test : train).add(i));
        return new GroupSplit(train, test);
    }
}
