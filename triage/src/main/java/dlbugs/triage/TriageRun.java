package dlbugs.triage;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One triage run over a repository's issues: reads them page by page, classifies title and body
 * in batches, plans each issue and, if asked, applies the plan. GitHub refusing to go on (a rate
 * limit beyond the allowed wait, an error that retries did not cure) stops the run cleanly: what
 * was done is in the journal, and the result names the issues left.
 */
public final class TriageRun {

    private static final int BATCH = 16;

    /**
     * What a run did.
     *
     * @param plans      the plans, in the order issues were read
     * @param applied    the plans that changed GitHub
     * @param stop       what stopped the run early, or null if it finished
     * @param left       issues read but not handled when it stopped
     * @param morePages  true if it stopped before reading every page
     * @param decisions  what people decided about issues dlbugs labelled before ({@link PersonLabels})
     */
    public record Result(List<TriagePlan> plans, int applied, GitHubException stop, List<Integer> left, boolean morePages,
                         List<LabelDecision> decisions) {
        public Result {
            plans = List.copyOf(plans);
            left = List.copyOf(left);
            decisions = List.copyOf(decisions);
        }

        /** @return why the run stopped early, or null if it finished */
        public String stopReason() {
            return stop == null ? null : stop.getMessage();
        }
    }

    private final GitHubApi api;
    private final Predictor predictor;
    private final TriagePlanner planner;
    private final TriageJournal journal;
    private final PlanApplier applier;
    private final boolean apply;
    private final PersonLabels people;

    /** @param apply false for a dry run: plans are made and reported, and nothing is written */
    public TriageRun(GitHubApi api, Predictor predictor, TriagePlanner planner, TriageJournal journal, boolean apply) {
        this.api = api;
        this.predictor = predictor;
        this.planner = planner;
        this.journal = journal;
        this.applier = new PlanApplier(api, journal);
        this.apply = apply;
        this.people = new PersonLabels(planner.scheme(), null);
    }

    /**
     * @param onPlan told of each plan as soon as it is made (and applied, if applying)
     * @throws IOException if the journal cannot be written
     */
    public Result run(IssueQuery query, Consumer<TriagePlan> onPlan) throws IOException, InterruptedException {
        List<TriagePlan> plans = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<LabelDecision> decisions = new ArrayList<>();
        int applied = 0;
        Optional<URI> next = Optional.empty();
        boolean first = true;
        try {
            while (first || next.isPresent()) {
                GitHubApi.Page page = first ? api.firstPage(query) : api.nextPage(next.get());
                first = false;
                next = page.next();
                page.issues().forEach(i -> left.add(i.number()));
                for (int from = 0; from < page.issues().size(); from += BATCH) {
                    List<Issue> batch = page.issues().subList(from, Math.min(page.issues().size(), from + BATCH));
                    List<Optional<Prediction>> predictions = predict(batch);
                    for (int i = 0; i < batch.size(); i++) {
                        decisions.addAll(decisions(batch.get(i)));
                        TriagePlan plan = plan(batch.get(i), predictions.get(i));
                        if (apply && plan.changesSomething()) {
                            applier.apply(plan);
                            applied++;
                        }
                        plans.add(plan);
                        left.remove(Integer.valueOf(plan.issue()));
                        onPlan.accept(plan);
                    }
                }
            }
            return new Result(plans, applied, null, List.of(), false, decisions);
        } catch (GitHubException e) {
            return new Result(plans, applied, e, left, next.isPresent() || first, decisions);
        }
    }

    /**
     * People's decisions on an issue an earlier run labelled, read from its label events only when
     * it carries a head's label that dlbugs did not add (one call then, none otherwise).
     */
    private List<LabelDecision> decisions(Issue issue) throws IOException, InterruptedException {
        java.util.Set<String> ours = journal.entry(issue.number()).labels();
        boolean personLabel = issue.labels().stream().anyMatch(l -> planner.scheme().owner(l).isPresent() && !ours.contains(l));
        if (issue.pullRequest() || ours.isEmpty() || !personLabel) {
            return List.of();
        }
        return people.decisions(issue, api.labelEvents(issue.number()), ours);
    }

    private TriagePlan plan(Issue issue, Optional<Prediction> prediction) throws IOException, InterruptedException {
        return IssueTriage.plan(api, planner, issue, prediction, journal);
    }

    private List<Optional<Prediction>> predict(List<Issue> issues) {
        List<Issue> asked = issues.stream().filter(i -> !i.pullRequest()).toList();
        List<Optional<Prediction>> answers = new ArrayList<>();
        List<Prediction> got;
        try {
            got = asked.isEmpty() ? List.of() : predictor.predictAll(asked.stream().map(TriageRun::report).toList());
        } catch (NoUsableContentException e) {
            got = null; // one report spoiled the batch: ask one at a time
        }
        int k = 0;
        for (Issue i : issues) {
            if (i.pullRequest()) {
                answers.add(Optional.empty());
            } else {
                answers.add(got != null ? Optional.of(got.get(k++)) : one(i));
            }
        }
        return answers;
    }

    private Optional<Prediction> one(Issue issue) {
        try {
            return Optional.of(predictor.predict(report(issue)));
        } catch (NoUsableContentException e) {
            return Optional.empty();
        }
    }

    /** The report an issue is: its title and opening post; issues carry no diff. */
    public static BugReport report(Issue issue) {
        return new BugReport(issue.title(), issue.body(), "", "");
    }
}
