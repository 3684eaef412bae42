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
    private final LabelledItem issue = unit("gi0001", Source.GITHUB_ISSUE, Quality.SILVER);

    @Test
    void scores_github_issues_apart_from_the_simba2024_silver() {
        Map<String, Predicate<LabelledItem>> slices = Slices.of(List.of(commit, simba, issue));
        assertThat(slices).containsKeys("gold", "silver", "github_issues", "gold/github", "gold/keras");
        assertThat(slices.get("github_issues").test(issue)).isTrue();
        assertThat(slices.get("github_issues").test(simba)).isFalse();
        assertThat(slices.get("silver").test(issue)).isFalse();
        assertThat(slices.get("silver").test(simba)).isTrue();
        assertThat(slices.get("gold").test(issue)).isFalse();
    }

    @Test
    void has_no_github_issues_slice_without_issues() {
        assertThat(Slices.of(List.of(commit, simba))).doesNotContainKey("github_issues");
    }
}
