package dlbugs.label.repo;

import java.time.Instant;

/**
 * Which commits to walk.
 *
 * @param range {@code REV} (it and its ancestors) or {@code A..B} (ancestors of B not of A);
 *              {@code HEAD} by default
 * @param since only commits committed at or after this instant; null for all
 */
public record RevSelection(String range, Instant since) {
    public RevSelection {
        range = range == null || range.isBlank() ? "HEAD" : range.strip();
    }
}
