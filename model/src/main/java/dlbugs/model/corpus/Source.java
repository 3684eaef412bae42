package dlbugs.model.corpus;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Where a labelled unit comes from, declared as data: the name slices, weightings and reports
 * use, the kind of report its units are, and how cross-validation groups them (a unit of a
 * source grouped by repository never shares a fold with another report of its repository, so
 * its figures say how the model does on a project it has never seen).
 *
 * @param label        e.g. {@code github_issues}
 * @param kind         the kind of report every unit of the source is, or null when each unit's
 *                     follows from its report ({@link ReportKind#of})
 * @param byRepository true if folds group the source's units by repository
 * @param description  one line for people
 * @param minScored    the fewest units an evaluation scores as the source's own slice (below it the
 *                     slice is left out: a handful of units says nothing)
 */
public record Source(String label, ReportKind kind, boolean byRepository, String description, int minScored) {

    public Source {
        if (label == null || !label.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a source's label is lower_snake_case, got " + label);
        }
        if (minScored < 1) {
            throw new IllegalArgumentException("a slice needs at least one unit, got " + minScored);
        }
    }

    /** A source whose slice is scored from its first unit. */
    public Source(String label, ReportKind kind, boolean byRepository, String description) {
        this(label, kind, byRepository, description, 1);
    }

    /** A bug-fix commit (or a hunk or file excerpt of one) of the study. */
    public static final Source GITHUB = new Source("github", ReportKind.COMMIT, false,
            "the 2019 study's bug-fix commits (gold)");
    /** A Stack Overflow question: the study's (gold), or a simba2024 one (silver). */
    public static final Source STACKOVERFLOW = new Source("stackoverflow", ReportKind.QUESTION, false,
            "Stack Overflow questions: the study's (gold) and simba2024's (silver)");
    /** An issue in which a user's DL program fails ({@code github_issues/}): title and opening post. */
    public static final Source GITHUB_ISSUE = new Source("github_issues", ReportKind.ISSUE, true,
            "users' failing programs reported as GitHub issues (silver)");
    /** A bug report of a DL project's own tracker ({@code denchmark/}): title and opening post. */
    public static final Source DENCHMARK = new Source("denchmark", ReportKind.ISSUE, true,
            "bug reports of DL software, half of them not DL bugs (Denchmark; silver)");
    /** A bug-fix candidate commit of a DL repository ({@code commits/}): message and diff. */
    public static final Source COMMITS = new Source("commits", ReportKind.COMMIT, true,
            "bug-fix candidate commits of DL repositories, some not DL bug fixes (silver)");

    /**
     * Labels people corrected through dlbugs (page, API, CLI, GitHub) and a reviewer accepted; each
     * unit's kind follows from its report. Scored as a slice once it has 20 reports.
     */
    public static final Source CORRECTIONS = new Source("corrections", null, false,
            "labels people corrected through dlbugs and a reviewer accepted", 20);

    /** Every source, in the order reports list them. */
    public static final List<Source> ALL = List.of(GITHUB, STACKOVERFLOW, GITHUB_ISSUE, DENCHMARK, COMMITS,
            CORRECTIONS);

    /**
     * @param label a source's label
     * @return that source
     * @throws NoSuchElementException naming the known labels
     */
    public static Source named(String label) {
        return ALL.stream().filter(s -> s.label.equals(label)).findFirst().orElseThrow(() ->
                new NoSuchElementException("no source named '" + label + "'; known: " + labels()));
    }

    /** @return the kind of one of this source's reports */
    public ReportKind kindOf(BugReport report) {
        return kind != null ? kind : ReportKind.of(report);
    }

    /** @return every source's label */
    public static List<String> labels() {
        return ALL.stream().map(Source::label).toList();
    }
}
