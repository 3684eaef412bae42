package dlbugs.triage;

/**
 * A person's decision about one head of an issue dlbugs triaged: the label of that head they put
 * on it (after dlbugs labelled the issue), in place of dlbugs' answer or where dlbugs was unsure.
 *
 * @param issue    the issue (its title and opening post are the report dlbugs classified)
 * @param head     the head, e.g. {@code effect}
 * @param label    the person's answer (the label without its prefix), e.g. {@code Hang}
 * @param replaced dlbugs' answer for the head, or null if it had none
 * @param login    who decided
 */
public record LabelDecision(Issue issue, String head, String label, String replaced, String login) {
}
