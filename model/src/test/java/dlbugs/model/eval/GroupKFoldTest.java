package dlbugs.model.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.testing.TestCorpus;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupKFoldTest {

    private final List<LabelledItem> items = TestCorpus.corpus().items();

    @Test
    void never_splits_a_commit_or_question_across_folds() {
        int[] fold = GroupKFold.assign(items, 5, Taxonomy.BUG_TYPE, 1);
        Map<String, Integer> foldOfGroup = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer previous = foldOfGroup.putIfAbsent(items.get(i).groupId(), fold[i]);
            assertThat(previous == null || previous == fold[i]).as(items.get(i).groupId()).isTrue();
        }
    }

    @Test
    void folds_are_balanced_in_size_and_in_the_stratified_label() {
        int[] fold = GroupKFold.assign(items, 5, Taxonomy.BUG_TYPE, 1);
        int[] size = new int[5];
        int[] apiBugs = new int[5];
        for (int i = 0; i < items.size(); i++) {
            size[fold[i]]++;
            if (items.get(i).majority(Taxonomy.BUG_TYPE).orElse("").equals("API Bug")) {
                apiBugs[fold[i]]++;
            }
        }
        // the largest group (one commit, dozens of hunks) bounds how even the folds can be
        for (int f = 0; f < 5; f++) {
            assertThat(size[f]).isBetween(items.size() / 5 - 40, items.size() / 5 + 40);
            assertThat(apiBugs[f]).isPositive();
        }
    }

    @Test
    void is_reproducible_and_depends_on_the_seed() {
        assertThat(GroupKFold.assign(items, 5, Taxonomy.BUG_TYPE, 3)).isEqualTo(GroupKFold.assign(items, 5, Taxonomy.BUG_TYPE, 3));
        assertThat(GroupKFold.assign(items, 5, Taxonomy.BUG_TYPE, 3)).isNotEqualTo(GroupKFold.assign(items, 5, Taxonomy.BUG_TYPE, 4));
    }

    @Test
    void rejects_fewer_than_two_folds() {
        assertThatThrownBy(() -> GroupKFold.assign(items, 1, Taxonomy.BUG_TYPE, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
