package dlbugs.triage;

import java.util.List;

/**
 * What triage would do to one issue.
 *
 * @param repo         the repository
 * @param issue        the issue's number
 * @param title        its title
 * @param current      the labels it carries now
 * @param add          the labels to add, in order
 * @param decisions    one decision per applied head
 * @param outcome      the plan in one word
 * @param comment      the comment to post, or null for none
 * @param modelVersion the version of the model that answered
 */
public record TriagePlan(RepoName repo, int issue, String title, List<String> current, List<PlannedLabel> add,
                         List<HeadDecision> decisions, Outcome outcome, String comment, String modelVersion) {

    public TriagePlan {
        current = List.copyOf(current);
        add = List.copyOf(add);
        decisions = List.copyOf(decisions);
    }

    /** The plan in one word. */
    public enum Outcome {
        /** some head's answer is added */
        LABEL,
        /** nothing cleared its threshold: the triage label is added */
        NEEDS_TRIAGE,
        /** the model judged it not a DL bug: no DL label */
        NOT_A_DL_BUG,
        /** everything is done already, or a person decided */
        NOTHING_TO_DO,
        /** a pull request, which GitHub's issue list also shows */
        PULL_REQUEST
    }

    /** @return true if carrying the plan out calls GitHub */
    public boolean changesSomething() {
        return !add.isEmpty() || comment != null;
    }

    /** @return a plan for a pull request: nothing to do */
    public static TriagePlan pullRequest(RepoName repo, Issue issue, String modelVersion) {
        return new TriagePlan(repo, issue.number(), issue.title(), issue.labels(), List.of(), List.of(),
                Outcome.PULL_REQUEST, null, modelVersion);
    }
}
