package dlbugs.label.repo;

import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepoTallyTest {

    private static final List<Head> HEADS = List.of(Taxonomy.islam2019().head(Taxonomy.DL_BUG),
            Taxonomy.islam2019().head(Taxonomy.EFFECT));

    private static LabelRecord record(String sha, String dlBug, String effect) {
        return new LabelRecord(sha, "2024-01-01T00:00:00Z", "a", "fix " + sha, "torch", List.of("m.py"), List.of("m.py"),
                false, null, "v1", List.of(new LabelRecord.HeadLabel(Taxonomy.DL_BUG, dlBug, 0.9, true),
                new LabelRecord.HeadLabel(Taxonomy.EFFECT, effect, 0.7, false)));
    }

    private static RepoTally tally(boolean skipNonBugs) {
        RepoTally t = new RepoTally(HEADS, skipNonBugs);
        t.record(record("a1", Taxonomy.IS_DL_BUG, "Crash"), false);
        t.record(record("b2", Taxonomy.NOT_DL_BUG, "Crash"), false);
        t.record(record("c3", Taxonomy.NOT_DL_BUG, "Hang"), true);
        return t;
    }

    @Test
    void non_bugs_are_counted_apart_and_left_out_of_the_tables_only_when_asked() {
        RepoTally all = tally(false);
        assertThat(all.nonBugCount()).isEqualTo(2);
        assertThat(all.records()).isEqualTo(3);
        assertThat(all.count(Taxonomy.EFFECT, "Crash", null, false)).isEqualTo(2);

        RepoTally bugsOnly = tally(true);
        assertThat(bugsOnly.nonBugCount()).isEqualTo(2);
        assertThat(bugsOnly.records()).isEqualTo(1);
        assertThat(bugsOnly.count(Taxonomy.EFFECT, "Crash", null, false)).isEqualTo(1);
        assertThat(bugsOnly.count(Taxonomy.EFFECT, "Hang", null, false)).isZero();
        assertThat(bugsOnly.labelledCount() + bugsOnly.previousCount()).isEqualTo(3);
    }
}
