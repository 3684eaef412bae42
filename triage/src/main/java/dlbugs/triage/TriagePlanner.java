package dlbugs.triage;

import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.triage.HeadDecision.Status;
import dlbugs.triage.TriagePlan.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the model's answer for an issue into a {@link TriagePlan}, head by head as the
 * {@link LabelScheme} lists them: only an accepted answer becomes a label; a head whose prefix a
 * person has set, or that dlbugs labelled before, is left alone; a report the model judges not a
 * DL bug gets no DL label; an issue on which nothing cleared its threshold gets the triage label.
 * It calls nothing: the plan is the same whether it is printed or applied.
 */
public final class TriagePlanner {

    private final LabelScheme scheme;
    private final ModelInfo model;
    private final boolean comment;

    /** @param comment true to plan one comment per labelled issue */
    public TriagePlanner(LabelScheme scheme, ModelInfo model, boolean comment) {
        this.scheme = scheme;
        this.model = model;
        this.comment = comment;
    }

    /** @return the scheme the plans follow */
    public LabelScheme scheme() {
        return scheme;
    }

    /**
     * @param prediction       the model's answer, or empty if the report had nothing the model knows
     * @param done             what dlbugs did to the issue before
     * @param commentedBefore  true if the issue already carries a dlbugs comment
     */
    public TriagePlan plan(RepoName repo, Issue issue, Optional<Prediction> prediction, TriageJournal.Entry done,
                           boolean commentedBefore) {
        if (issue.pullRequest()) {
            return TriagePlan.pullRequest(repo, issue, model.version());
        }
        if (prediction.isPresent() && notADlBug(prediction.get())) {
            return new TriagePlan(repo, issue.number(), issue.title(), issue.labels(), List.of(), List.of(),
                    Outcome.NOT_A_DL_BUG, null, model.version());
        }
        List<HeadDecision> decisions = new ArrayList<>();
        List<PlannedLabel> add = new ArrayList<>();
        for (HeadLabels h : scheme.heads()) {
            Optional<HeadPrediction> answer = prediction.flatMap(p -> find(p, h.head()));
            if (answer.isEmpty()) {
                continue;
            }
            HeadDecision d = decide(h, answer.get(), issue, done);
            decisions.add(d);
            if (d.status() == Status.APPLY) {
                add.add(new PlannedLabel(h.label(d.answer()), h.head(), d.confidence(), h.color(),
                        definition(h.head(), d.answer())));
            }
        }
        boolean decided = decisions.stream().anyMatch(d -> d.status() == Status.SET_BY_PERSON || d.status() == Status.DONE_BEFORE);
        Outcome outcome = add.isEmpty() ? Outcome.NOTHING_TO_DO : Outcome.LABEL;
        String triage = scheme.triageLabel();
        if (add.isEmpty() && !decided && !issue.labels().contains(triage) && !done.labels().contains(triage)) {
            add.add(new PlannedLabel(triage, null, null, scheme.triageColor(), LabelScheme.TRIAGE_DESCRIPTION));
            outcome = Outcome.NEEDS_TRIAGE;
        }
        // An issue dlbugs labelled in a run that stopped before its comment gets the comment now.
        boolean triaged = outcome != Outcome.NOTHING_TO_DO || !done.labels().isEmpty();
        String text = comment && triaged && !done.commented() && !commentedBefore
                ? TriageComment.render(model, scheme, prediction, decisions) : null;
        return new TriagePlan(repo, issue.number(), issue.title(), issue.labels(), add, decisions, outcome, text,
                model.version());
    }

    private HeadDecision decide(HeadLabels h, HeadPrediction p, Issue issue, TriageJournal.Entry done) {
        double threshold = h.threshold() != null ? h.threshold() : p.threshold();
        boolean byPerson = issue.labels().stream().anyMatch(l -> h.owns(l) && !done.labels().contains(l));
        boolean before = done.labels().stream().anyMatch(h::owns);
        Status status = byPerson ? Status.SET_BY_PERSON : before ? Status.DONE_BEFORE
                : p.confidence() >= threshold ? Status.APPLY : Status.UNSURE;
        return new HeadDecision(h.head(), p.label(), p.confidence(), threshold, status);
    }

    private static boolean notADlBug(Prediction p) {
        return find(p, Taxonomy.DL_BUG).map(d -> Taxonomy.NOT_DL_BUG.equals(d.label()) && d.accepted()).orElse(false);
    }

    private static Optional<HeadPrediction> find(Prediction p, String head) {
        return p.heads().stream().filter(h -> h.head().equals(head)).findFirst();
    }

    private String definition(String head, String label) {
        return model.heads().stream().filter(h -> h.name().equals(head)).findFirst().map(Head::definitions)
                .map(d -> d.getOrDefault(label, "")).orElse("");
    }
}
