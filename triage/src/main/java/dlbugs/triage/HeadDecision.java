package dlbugs.triage;

/**
 * What a plan decided for one head of one issue.
 *
 * @param head       the head's name
 * @param answer     the model's answer, or null if the head was not asked (a person had set it)
 * @param confidence its confidence, or NaN if not asked
 * @param threshold  the threshold it had to reach
 * @param status     the decision
 */
public record HeadDecision(String head, String answer, double confidence, double threshold, Status status) {

    /** Why a head gets a label or not. */
    public enum Status {
        /** accepted: its label is added */
        APPLY,
        /** below its threshold: left alone */
        UNSURE,
        /** a person set a label under its prefix: never overridden */
        SET_BY_PERSON,
        /** dlbugs labelled it before (the label is there, or a person removed it): not done again */
        DONE_BEFORE
    }
}
