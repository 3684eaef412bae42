package dlbugs.triage;

import dlbugs.model.corpus.BugReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry-run table as a person reads it. */
class PlanFormatTest {

    @Test
    void a_root_cause_label_is_read_with_its_name() {
        LabelScheme scheme = LabelScheme.of(List.of("root_cause", "effect"), Map.of(), Map.of("root_cause", 0.2), LabelScheme.NEEDS_TRIAGE);
        TriagePlanner planner = new TriagePlanner(scheme, ScriptedPredictor.INFO, false);
        Issue issue = new Issue(7, "Crash in fit", "shape", List.of(), false);
        TriagePlan plan = planner.plan(RepoName.parse("acme/dl"), issue,
                Optional.of(new ScriptedPredictor().predict(new BugReport(issue.title(), issue.body(), "", ""))),
                TriageJournal.Entry.NONE, false);

        List<String> rows = PlanFormat.rows(plan);

        assertThat(rows).anySatisfy(r -> assertThat(r).contains("dl-cause: UT", "UT (unaligned tensor)"));
        assertThat(rows).filteredOn(r -> r.contains("dl-effect: ")).allSatisfy(r -> assertThat(r).doesNotContain("(the program"));
    }
}
