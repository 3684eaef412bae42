package dlbugs.label.repo;

import java.util.regex.Pattern;

/**
 * Which commits count as bug fixes, as the study chose them: the message says it fixes
 * something. The default pattern matches whole words such as "fix", "fixes", "bug", "crash",
 * "error", "wrong"; {@code --fix-pattern} replaces it and {@code --all-commits} turns the test off.
 *
 * @param pattern    searched for (not matched whole) in the full commit message
 * @param allCommits true to treat every commit as a candidate
 */
public record FixPolicy(Pattern pattern, boolean allCommits) {

    /** The default pattern; documented in {@code docs/label-repos.md}. */
    public static final String DEFAULT_PATTERN = "(?i)\\b(fix(e[sd])?|fixing|bug(s|fix)?|hotfix|defect|fault|"
            + "crash(es|ed)?|errors?|exceptions?|mistakes?|wrong|incorrect|repair(s|ed)?|resolve[sd]?)\\b";

    /** The default policy. */
    public static FixPolicy standard() {
        return new FixPolicy(Pattern.compile(DEFAULT_PATTERN), false);
    }

    /** @return true if a commit with this message is a candidate */
    public boolean isFix(String message) {
        return allCommits || pattern.matcher(message).find();
    }
}
