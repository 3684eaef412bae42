package dlbugs.triage;

import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Head;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one comment triage may post on an issue: per head the model's three best answers with
 * their confidence, the model's version, and how to correct a label. It starts with
 * {@link #MARKER}, by which a later run knows the issue has had its comment.
 */
public final class TriageComment {

    /** Hidden in the rendered comment; its presence means "dlbugs has commented here". */
    public static final String MARKER = "<!-- dlbugs-triage -->";
    private static final int TOP = 3;

    private TriageComment() {
    }

    /** @return the comment's Markdown */
    static String render(ModelInfo model, LabelScheme scheme, Optional<Prediction> prediction, List<HeadDecision> decisions) {
        StringBuilder b = new StringBuilder(MARKER).append('\n');
        b.append("**dlbugs** read this issue's title and text (model `").append(model.name()).append(' ')
                .append(model.version()).append("`).\n\n");
        if (prediction.isEmpty()) {
            b.append("None of its words is one the model knows, so it labelled nothing.\n");
        } else {
            b.append("| | best answers (confidence) | |\n|---|---|---|\n");
            for (HeadDecision d : decisions) {
                HeadPrediction p = prediction.get().head(d.head());
                Optional<Head> head = head(model, d.head());
                String top = p.top().stream().limit(TOP)
                        .map(s -> head.map(h -> h.named(s.label())).orElse(s.label()) + " "
                                + String.format(Locale.ROOT, "%.2f", s.score()))
                        .collect(Collectors.joining(", "));
                b.append("| ").append(head.map(Head::title).orElse(d.head())).append(" | ").append(top).append(" | ")
                        .append(status(d)).append(" |\n");
            }
        }
        String prefixes = scheme.heads().stream().map(h -> "`" + h.prefix().strip() + "`").collect(Collectors.joining(", "));
        b.append("\nA label is wrong? Remove it and add the right one under the same prefix (").append(prefixes)
                .append("): dlbugs never changes a head a person has labelled, and comments only once. ")
                .append("It adds only answers that reached its threshold; `").append(scheme.triageLabel())
                .append("` means it was sure of none.\n");
        return b.toString();
    }

    private static String status(HeadDecision d) {
        return switch (d.status()) {
            case APPLY -> String.format(Locale.ROOT, "labelled (threshold %.2f)", d.threshold());
            case UNSURE -> String.format(Locale.ROOT, "not sure (below %.2f)", d.threshold());
            case SET_BY_PERSON -> "set by a person";
            case DONE_BEFORE -> "labelled before";
        };
    }

    private static Optional<Head> head(ModelInfo model, String head) {
        return model.heads().stream().filter(h -> h.name().equals(head)).findFirst();
    }
}
