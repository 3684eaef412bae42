package dlbugs.triage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** People's decisions read from an issue's label events. */
class PersonLabelsTest {

    private static final Issue FIVE = new Issue(5, "t", "b", List.of(), false);
    private static final Issue NINE = new Issue(9, "t", "b", List.of(), false);
    private final List<LabelEvent> events = new ArrayList<>();
    private final PersonLabels people = new PersonLabels(LabelScheme.defaults(), "dlbugs-bot");

    private PersonLabelsTest on(String label, String actor) {
        return event(true, label, actor, false);
    }

    private PersonLabelsTest off(String label, String actor) {
        return event(false, label, actor, false);
    }

    private PersonLabelsTest event(boolean added, String label, String actor, boolean bot) {
        events.add(new LabelEvent(added, label, actor, bot, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(events.size())));
        return this;
    }

    @Test
    void a_replacement_of_dlbugs_label_names_the_answer_it_corrects() {
        on("dl-effect: Crash", "dlbugs-bot").on("dl-stage: Training", "dlbugs-bot")
                .off("dl-effect: Crash", "ada").on("dl-effect: Hang", "ada");
        assertThat(people.decisions(FIVE, events, Set.of())).containsExactly(new LabelDecision(FIVE, "effect", "Hang", "Crash", "ada"));
    }

    @Test
    void labels_before_dlbugs_came_a_removal_alone_bots_and_labels_taken_back_are_no_decisions() {
        on("dl-type: API Bug", "maintainer").on("bug", "ada").on("dl-needs-triage", "dlbugs-bot")
                .off("dl-needs-triage", "ada").on("dl-cause: UT", "ada").off("dl-cause: UT", "ada")
                .event(true, "dl-stage: Prediction", "stale[bot]", true).on("dl-kind: SB", "dlbugs-bot")
                .off("dl-kind: SB", "ada");
        assertThat(people.decisions(FIVE, events, Set.of())).isEmpty();
    }

    @Test
    void dlbugs_login_is_learned_from_the_journal_and_without_any_sign_of_it_nothing_counts() {
        on("dl-effect: Crash", "my-token-user").on("dl-effect: Hang", "ada");
        PersonLabels unknownBot = new PersonLabels(LabelScheme.defaults(), null);
        assertThat(unknownBot.decisions(FIVE, events, Set.of())).isEmpty();
        assertThat(unknownBot.decisions(FIVE, events, Set.of("dl-effect: Crash")))
                .containsExactly(new LabelDecision(FIVE, "effect", "Hang", "Crash", "ada"));
    }

    @Test
    void a_github_app_labelling_with_dlbugs_prefixes_is_dlbugs_and_the_same_answer_again_is_no_correction() {
        event(true, "dl-effect: Crash", "dlbugs[bot]", true).off("dl-effect: Crash", "ada").on("dl-effect: Crash", "ada")
                .on("dl-stage: Evaluation", "bob");
        assertThat(new PersonLabels(LabelScheme.defaults(), null).decisions(NINE, events, Set.of()))
                .containsExactly(new LabelDecision(NINE, "stage", "Evaluation", null, "bob"));
    }
}
