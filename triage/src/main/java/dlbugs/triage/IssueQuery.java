package dlbugs.triage;

import java.time.Instant;

/**
 * Which issues a run reads.
 *
 * @param state  {@code open}, {@code closed} or {@code all}
 * @param since  only issues updated at or after this time; null for any
 * @param number one issue only; 0 for every issue the state and date select
 */
public record IssueQuery(String state, Instant since, int number) {
    public IssueQuery {
        if (!"open".equals(state) && !"closed".equals(state) && !"all".equals(state)) {
            throw new IllegalArgumentException("state is open, closed or all, got " + state);
        }
        if (number < 0) {
            throw new IllegalArgumentException("an issue number is positive, got " + number);
        }
    }

    /** @return the open issues */
    public static IssueQuery open() {
        return new IssueQuery("open", null, 0);
    }

    /** @return one issue, whatever its state */
    public static IssueQuery one(int number) {
        return new IssueQuery("all", null, number);
    }
}
