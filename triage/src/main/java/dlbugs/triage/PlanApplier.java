package dlbugs.triage;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Carries a {@link TriagePlan} out on GitHub: creates the labels the repository lacks (with a
 * colour and the taxonomy's definition), adds the plan's labels in one call (adding, never
 * replacing), posts its comment, and records each step in the journal as soon as it is done.
 */
public final class PlanApplier {

    private final GitHubApi api;
    private final TriageJournal journal;
    /** The repository's labels, lower-cased as GitHub compares them; read on first need. */
    private Set<String> known;

    public PlanApplier(GitHubApi api, TriageJournal journal) {
        this.api = api;
        this.journal = journal;
    }

    /** Applies a plan; a plan that changes nothing makes no call. */
    public void apply(TriagePlan plan) throws IOException, InterruptedException {
        if (!plan.add().isEmpty()) {
            ensureExist(plan.add());
            List<String> names = plan.add().stream().map(PlannedLabel::name).toList();
            api.addLabels(plan.issue(), names);
            journal.labelled(plan.issue(), names);
        }
        if (plan.comment() != null) {
            comment(plan.issue(), plan.comment());
            journal.commented(plan.issue());
        }
    }

    private void ensureExist(List<PlannedLabel> labels) throws IOException, InterruptedException {
        if (known == null) {
            known = new HashSet<>();
            api.labels().forEach(l -> known.add(l.toLowerCase(Locale.ROOT)));
        }
        for (PlannedLabel l : labels) {
            if (known.add(l.name().toLowerCase(Locale.ROOT))) {
                api.createLabel(l.name(), l.color(), l.description());
            }
        }
    }

    /** A comment whose POST failed with a 5xx may still have been made: look before posting again. */
    private void comment(int issue, String text) throws IOException, InterruptedException {
        try {
            api.comment(issue, text);
        } catch (RateLimitedException e) {
            throw e;
        } catch (GitHubException e) {
            if (e.status() < 500) {
                throw e;
            }
            if (api.comments(issue).stream().noneMatch(c -> c.contains(TriageComment.MARKER))) {
                api.comment(issue, text);
            }
        }
    }
}
