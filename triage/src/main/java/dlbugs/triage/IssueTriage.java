package dlbugs.triage;

import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Triages one issue of any repository, as a webhook delivers it: classifies it, plans with the
 * same {@link TriagePlanner} as {@code dlbugs triage}, and applies the plan unless it is a dry
 * run; and reads what people decided about an issue from its label events. A journal per
 * repository is kept in memory; GitHub's own state (the labels there, the comment's marker) keeps a
 * restarted server from repeating itself.
 */
public final class IssueTriage {

    private final GitHubHttp http;
    private final Predictor predictor;
    private final LabelScheme scheme;
    private final boolean comment;
    private final boolean apply;
    private final PersonLabels people;
    private final Map<RepoName, TriageJournal> journals = new ConcurrentHashMap<>();

    /** @param apply false for a dry run: the plan is made and returned, GitHub is only read */
    public IssueTriage(GitHubHttp http, Predictor predictor, LabelScheme scheme, boolean comment, boolean apply) {
        this(http, predictor, scheme, comment, apply, null);
    }

    /** @param botLogin the login the token acts as (its label events are dlbugs'); null if unknown */
    public IssueTriage(GitHubHttp http, Predictor predictor, LabelScheme scheme, boolean comment, boolean apply,
                       String botLogin) {
        this.http = http;
        this.predictor = predictor;
        this.scheme = scheme;
        this.comment = comment;
        this.apply = apply;
        this.people = new PersonLabels(scheme, botLogin);
    }

    /** @return the scheme whose labels are heads' answers */
    public LabelScheme scheme() {
        return scheme;
    }

    /**
     * What people decided about an issue dlbugs triaged, from its label events (one call): see
     * {@link PersonLabels}.
     */
    public List<LabelDecision> decisions(RepoName repo, Issue issue) throws IOException, InterruptedException {
        List<LabelEvent> events = new GitHubApi(http, repo).labelEvents(issue.number());
        return people.decisions(issue, events, journals.computeIfAbsent(repo, TriageJournal::inMemory).entry(issue.number())
                .labels());
    }

    /** @return true if plans are applied, false for a dry run */
    public boolean applies() {
        return apply;
    }

    /** @return the plan, applied unless this is a dry run */
    public TriagePlan triage(RepoName repo, Issue issue) throws IOException, InterruptedException {
        GitHubApi api = new GitHubApi(http, repo);
        TriageJournal journal = journals.computeIfAbsent(repo, TriageJournal::inMemory);
        Optional<Prediction> prediction;
        try {
            prediction = issue.pullRequest() ? Optional.empty() : Optional.of(predictor.predict(TriageRun.report(issue)));
        } catch (NoUsableContentException e) {
            prediction = Optional.empty();
        }
        TriagePlan plan = plan(api, new TriagePlanner(scheme, predictor.info(), comment), issue, prediction, journal);
        if (apply && plan.changesSomething()) {
            new PlanApplier(api, journal).apply(plan);
        }
        return plan;
    }

    /**
     * Plans an issue; only one that would get a comment is looked at for an earlier dlbugs
     * comment (one call, when needed).
     */
    static TriagePlan plan(GitHubApi api, TriagePlanner planner, Issue issue, Optional<Prediction> prediction,
                           TriageJournal journal) throws IOException, InterruptedException {
        TriageJournal.Entry done = journal.entry(issue.number());
        TriagePlan plan = planner.plan(api.repo(), issue, prediction, done, false);
        if (plan.comment() != null
                && api.comments(issue.number()).stream().anyMatch(c -> c.contains(TriageComment.MARKER))) {
            plan = planner.plan(api.repo(), issue, prediction, done, true);
        }
        return plan;
    }
}
