package dlbugs.triage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The label scheme: defaults, options, and the schemes that would make labels ambiguous. */
class LabelSchemeTest {

    @Test
    void defaults_label_five_heads_with_distinct_prefixes() {
        LabelScheme s = LabelScheme.defaults();
        assertThat(s.heads()).extracting(HeadLabels::head)
                .containsExactly("bug_type_top", "bug_type", "root_cause", "effect", "stage");
        assertThat(s.heads()).extracting(h -> h.label("X")).containsExactly("dl-kind: X", "dl-type: X", "dl-cause: X",
                "dl-effect: X", "dl-stage: X");
        assertThat(s.triageLabel()).isEqualTo("dl-needs-triage");
    }

    @Test
    void options_choose_heads_prefixes_and_thresholds() {
        LabelScheme s = LabelScheme.of(List.of("effect", "fix_pattern"), Map.of("effect", "effect/"),
                Map.of("fix_pattern", 0.4), "triage-me");
        assertThat(s.heads()).extracting(HeadLabels::prefix).containsExactly("effect/", "dl-fix: ");
        assertThat(s.heads().get(1).threshold()).isEqualTo(0.4);
        assertThat(s.heads().get(0).threshold()).isNull();
    }

    @Test
    void refuses_what_would_make_a_label_ambiguous_or_invalid() {
        assertThatThrownBy(() -> LabelScheme.of(List.of("effect", "stage"), Map.of("stage", "dl-effect: s"), Map.of(), "t"))
                .hasMessageContaining("starts with prefix 'dl-effect: '");
        assertThatThrownBy(() -> LabelScheme.of(List.of("mood"), Map.of(), Map.of(), "t")).hasMessageContaining("unknown head 'mood'");
        assertThatThrownBy(() -> LabelScheme.of(List.of("effect"), Map.of(), Map.of("stage", 0.5), "t"))
                .hasMessageContaining("'stage' is configured but not applied");
        assertThatThrownBy(() -> LabelScheme.of(List.of(), Map.of(), Map.of("effect", 1.5), "t")).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> LabelScheme.of(List.of(), Map.of(), Map.of(), "dl-type: x")).hasMessageContaining("triage label");
        assertThatThrownBy(() -> RepoName.parse("no-slash")).hasMessageContaining("OWNER/REPO");
        assertThatThrownBy(() -> RepoName.parse("a/b/c")).hasMessageContaining("OWNER/REPO");
    }
}
