package dlbugs.train.eval;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class SlicesTest {

    private static LabelledItem unit(String id, Source source, Quality quality) {
        return new LabelledItem(id, id, source, quality, new BugReport("", "x", "", "keras"),
                Map.of("effect", Map.of("Crash", 1)), true);
    }

    private final LabelledItem commit = unit("gh:a", Source.GITHUB, Quality.GOLD);
    private final LabelledItem simba = unit("so:1", Source.STACKOVERFLOW, Quality.SILVER);
    private final LabelledItem question = unit("so:2", Source.STACKOVERFLOW, Quality.GOLD);
    private final LabelledItem issue = unit("gi0001", Source.GITHUB_ISSUE, Quality.SILVER);

    @Test
    void scores_github_issues_apart_from_the_simba2024_silver() {
        Map<String, Predicate<LabelledItem>> slices = Slices.of(List.of(commit, question, simba, issue));
        assertThat(slices).containsKeys("gold", "silver/stackoverflow", "github_issues", "gold/github", "gold/keras");
        assertThat(slices.get("github_issues").test(issue)).isTrue();
        assertThat(slices.get("github_issues").test(simba)).isFalse();
        assertThat(slices.get("silver/stackoverflow").test(issue)).isFalse();
        assertThat(slices.get("silver/stackoverflow").test(simba)).isTrue();
        assertThat(slices.get("gold").test(issue)).isFalse();
    }

    @Test
    void gives_every_source_a_slice_of_its_own_and_a_silver_prefix_only_where_it_has_gold_too() {
        LabelledItem bugReport = unit("dm0001", Source.DENCHMARK, Quality.SILVER);
        LabelledItem fix = unit("cm0001", Source.COMMITS, Quality.SILVER);
        Map<String, Predicate<LabelledItem>> slices = Slices.of(List.of(commit, issue, bugReport, fix));
        assertThat(slices).containsKeys("denchmark", "commits", "github_issues").doesNotContainKey("silver/stackoverflow");
        assertThat(slices.get("denchmark").test(bugReport)).isTrue();
        assertThat(slices.get("denchmark").test(issue)).isFalse();
        assertThat(slices.get("commits").test(fix)).isTrue();
        assertThat(slices.get("gold/github").test(fix)).isFalse();
    }

    @Test
    void scores_the_corrections_as_their_own_slice_from_20_reports_on_and_never_as_gold() {
        List<LabelledItem> nineteen = new java.util.ArrayList<>(List.of(commit, issue));
        for (int i = 0; i < 19; i++) {
            nineteen.add(unit("correction:" + i, Source.CORRECTIONS, Quality.CORRECTED));
        }
        assertThat(Slices.of(nineteen)).doesNotContainKey("corrections");
        List<LabelledItem> twenty = new java.util.ArrayList<>(nineteen);
        twenty.add(unit("correction:19", Source.CORRECTIONS, Quality.CORRECTED));
        Map<String, Predicate<LabelledItem>> slices = Slices.of(twenty);
        assertThat(slices).containsKey("corrections");
        assertThat(twenty.stream().filter(slices.get("corrections"))).hasSize(20);
        assertThat(twenty.stream().filter(slices.get("gold"))).containsExactly(commit);
        assertThat(twenty.stream().map(Generalisation.CROSS_SOURCE.partOf()).distinct().toList())
                .containsExactlyInAnyOrder("github", "github_issues", null);
    }

    @Test
    void has_no_github_issues_slice_without_issues() {
        assertThat(Slices.of(List.of(commit, simba))).doesNotContainKey("github_issues");
    }
}
