package dlbugs.label.spark;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of one repository of the list.
 *
 * @param repo       the repository's output name ({@link RepoSource#id()})
 * @param source     the repository as the list gives it
 * @param range      revisions walked
 * @param status     labelled by this run, complete from an earlier one, or failed (this run)
 * @param failure    why the repository could not be labelled, or "" if it was
 * @param scanned    commits walked
 * @param candidates bug-fix commits touching DL code
 * @param labelled   records written
 * @param skipped    commits skipped, by reason (lower case)
 * @param seconds    the wall time of the task that labelled it (or failed)
 */
public record RepoSummary(String repo, String source, String range, Status status, String failure, long scanned,
                          long candidates, long labelled, Map<String, Long> skipped, double seconds)
        implements Serializable {

    /** What a run did with a repository; each repository of the list is in exactly one. */
    public enum Status {
        /** Labelled by this run. */
        @JsonProperty("labelled") LABELLED,
        /** Complete before this run began, and left alone. */
        @JsonProperty("complete") COMPLETE,
        /** This run tried and could not label it ({@code failure} says why); the next run tries again. */
        @JsonProperty("failed") FAILED
    }

    public RepoSummary {
        failure = failure == null ? "" : failure;
        // Summaries written before the status existed say only whether they failed.
        status = status != null ? status : failure.isEmpty() ? Status.LABELLED : Status.FAILED;
        if ((status == Status.FAILED) == failure.isEmpty()) {
            throw new IllegalArgumentException("a repository has a failure exactly when it failed: "
                    + status + " with failure '" + failure + "'");
        }
        // A TreeMap, not Map.copyOf: it serialises, and it keeps the reasons in one order.
        skipped = new TreeMap<>(skipped);
    }

    /** @return a summary of a repository labelled now */
    static RepoSummary labelled(RepoSource s, long scanned, long candidates, long labelled, Map<String, Long> skipped,
                                double seconds) {
        return new RepoSummary(s.id(), s.source(), s.range(), Status.LABELLED, "", scanned, candidates, labelled,
                skipped, seconds);
    }

    /** @return a summary of a repository that could not be labelled */
    static RepoSummary failed(RepoSource s, String why, double seconds) {
        return new RepoSummary(s.id(), s.source(), s.range(), Status.FAILED, why, 0, 0, 0, Map.of(), seconds);
    }

    /** @return this summary, read back by a later run that found the repository complete */
    RepoSummary asComplete() {
        return new RepoSummary(repo, source, range, Status.COMPLETE, failure, scanned, candidates, labelled, skipped,
                seconds);
    }

    /** @return whether the repository's records are there (labelled now or earlier) */
    public boolean ok() {
        return status != Status.FAILED;
    }
}
