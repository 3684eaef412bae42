package dlbugs.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a plan reads: rows of a table (issue, current labels, label to add, confidence, note), or
 * one JSON object per issue.
 */
public final class PlanFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "%-7s %-30s %-34s %-10s %s";
    private static final int LABELS_WIDTH = 30;

    private PlanFormat() {
    }

    /** @return the table's header line */
    public static String header() {
        return String.format(Locale.ROOT, ROW, "issue", "current labels", "label to add", "confidence", "note").strip();
    }

    /** @return the plan as table rows: one per label to add, at least one per issue */
    public static List<String> rows(TriagePlan p) {
        List<String> rows = new ArrayList<>();
        String issue = "#" + p.issue();
        String current = cut(p.current().isEmpty() ? "-" : String.join(", ", p.current()));
        String note = note(p);
        if (p.add().isEmpty()) {
            rows.add(row(issue, current, "-", "-", note));
        }
        for (int i = 0; i < p.add().size(); i++) {
            PlannedLabel l = p.add().get(i);
            String notes = Stream.of(i == 0 ? note : "", meaning(p, l)).filter(n -> !n.isEmpty()).collect(Collectors.joining("; "));
            rows.add(row(i == 0 ? issue : "", i == 0 ? current : "", l.name(),
                    l.confidence() == null ? "-" : String.format(Locale.ROOT, "%.2f", l.confidence()), notes));
        }
        return rows;
    }

    /** A root cause's label is a code (UT): the note gives its name, as {@link Head#named} does. */
    private static String meaning(TriagePlan p, PlannedLabel l) {
        if (l.head() == null || !Taxonomy.CODED.contains(l.head())) {
            return "";
        }
        String answer = p.decisions().stream().filter(d -> d.head().equals(l.head())).findFirst().map(HeadDecision::answer).orElse("");
        return answer.isEmpty() || l.description() == null ? "" : Head.named(answer, l.description());
    }

    private static String row(String issue, String current, String label, String confidence, String note) {
        return String.format(Locale.ROOT, ROW, issue, current, label, confidence, note).stripTrailing();
    }

    private static String note(TriagePlan p) {
        List<String> notes = new ArrayList<>();
        switch (p.outcome()) {
            case PULL_REQUEST -> notes.add("pull request: skipped");
            case NOT_A_DL_BUG -> notes.add("not a DL bug: no DL label");
            case NEEDS_TRIAGE -> notes.add("nothing cleared its threshold");
            default -> { }
        }
        p.decisions().stream().filter(d -> d.status() == HeadDecision.Status.SET_BY_PERSON)
                .forEach(d -> notes.add(d.head() + " set by a person"));
        if (p.outcome() == TriagePlan.Outcome.NOTHING_TO_DO && notes.isEmpty()) {
            notes.add("done before");
        }
        if (p.comment() != null) {
            notes.add("+ comment");
        }
        return String.join("; ", notes);
    }

    private static String cut(String s) {
        return s.length() <= LABELS_WIDTH ? s : s.substring(0, LABELS_WIDTH - 1) + "…";
    }

    /** @return the plan as one JSON line */
    public static String json(TriagePlan p, boolean applied) {
        ObjectNode o = JSON.createObjectNode().put("repo", p.repo().toString()).put("issue", p.issue())
                .put("title", p.title());
        p.current().forEach(o.putArray("current")::add);
        var add = o.putArray("add");
        for (PlannedLabel l : p.add()) {
            ObjectNode a = add.addObject().put("label", l.name()).put("head", l.head());
            if (l.confidence() != null) {
                a.put("confidence", Math.round(l.confidence() * 1000) / 1000.0);
            }
        }
        var heads = o.putObject("heads");
        for (HeadDecision d : p.decisions()) {
            heads.putObject(d.head()).put("label", d.answer()).put("confidence", Math.round(d.confidence() * 1000) / 1000.0)
                    .put("threshold", Math.round(d.threshold() * 1000) / 1000.0).put("decision", d.status().name().toLowerCase(Locale.ROOT));
        }
        o.put("outcome", p.outcome().name().toLowerCase(Locale.ROOT)).put("comment", p.comment() != null)
                .put("applied", applied).put("model_version", p.modelVersion());
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
