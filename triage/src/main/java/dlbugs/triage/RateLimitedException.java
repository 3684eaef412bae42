package dlbugs.triage;

/**
 * GitHub's rate limit (primary or secondary) asked for a longer wait than the run may spend; the
 * run stops cleanly and a re-run carries on.
 */
public final class RateLimitedException extends GitHubException {
    public RateLimitedException(String message, int status) {
        super(message, status);
    }
}
