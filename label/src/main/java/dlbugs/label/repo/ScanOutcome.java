package dlbugs.label.repo;

import java.util.List;

/** What the scanner found for one commit: a candidate to classify, or a reason to skip it. */
public sealed interface ScanOutcome {

    /** @return the commit */
    CommitInfo commit();

    /**
     * A bug-fix commit touching DL code.
     *
     * @param commit  the commit
     * @param files   every path it touches (capped at {@link CommitScanner#MAX_LISTED_FILES})
     * @param changes its DL-relevant files with their diffs
     */
    record Candidate(CommitInfo commit, List<String> files, List<FileChange> changes) implements ScanOutcome {
        public Candidate {
            files = List.copyOf(files);
            changes = List.copyOf(changes);
        }

        /** @return the library most of its DL files use (the first seen on a tie) */
        public String library() {
            return changes.stream().map(FileChange::library)
                    .reduce((a, b) -> count(b) > count(a) ? b : a).orElse("");
        }

        /** @return true if any diff was cut at the cap */
        public boolean truncated() {
            return changes.stream().anyMatch(FileChange::truncated);
        }

        private long count(String library) {
            return changes.stream().filter(c -> c.library().equals(library)).count();
        }
    }

    /**
     * A commit that is not labelled.
     *
     * @param commit the commit
     * @param reason why
     */
    record Skipped(CommitInfo commit, SkipReason reason) implements ScanOutcome {
    }
}
