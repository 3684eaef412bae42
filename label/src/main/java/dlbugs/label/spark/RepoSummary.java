package dlbugs.label.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one task did with one repository.
 *
 * @param repo       the repository's output name ({@link RepoSource#id()})
 * @param source     the repository as the list gives it
 * @param range      revisions walked
 * @param failure    why the repository could not be labelled, or "" if it was
 * @param scanned    commits walked
 * @param candidates bug-fix commits touching DL code
 * @param labelled   records written
 * @param skipped    commits skipped, by reason (lower case)
 * @param seconds    the task's wall time
 */
public record RepoSummary(String repo, String source, String range, String failure, long scanned, long candidates,
                          long labelled, Map<String, Long> skipped, double seconds) implements Serializable {

    public RepoSummary {
        failure = failure == null ? "" : failure;
        // A TreeMap, not Map.copyOf: it serialises, and it keeps the reasons in one order.
        skipped = new TreeMap<>(skipped);
    }

    /** @return a summary of a repository that could not be labelled */
    static RepoSummary failed(RepoSource s, String why, double seconds) {
        return new RepoSummary(s.id(), s.source(), s.range(), why, 0, 0, 0, Map.of(), seconds);
    }

    public boolean ok() {
        return failure.isEmpty();
    }
}
