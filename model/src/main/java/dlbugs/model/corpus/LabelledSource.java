package dlbugs.model.corpus;

import java.nio.file.Path;
import java.util.List;

/**
 * A source the corpus holds as two JSON-lines files in one folder, declared as data: the reports
 * ({@code id}, {@code url}, {@code repo}, {@code library} and the text fields of its
 * {@link ReportShape}) and this project's annotation of each ({@code id}, {@code is_dl_bug} or
 * {@code is_bug}, {@code bug_type}, {@code root_cause}, {@code effect}, {@code stage}).
 *
 * @param source      what the units are
 * @param folder      the folder under the corpus root
 * @param reports     the reports' file name in it
 * @param annotations the annotations' file name in it
 * @param shape       how a line becomes a report
 */
public record LabelledSource(Source source, String folder, String reports, String annotations, ReportShape shape) {

    /** Users' failing programs reported as GitHub issues. */
    public static final LabelledSource GITHUB_ISSUES = new LabelledSource(Source.GITHUB_ISSUE, "github_issues",
            "issues.jsonl", "annotations.jsonl", ReportShape.ISSUE);
    /** Bug reports of DL projects' own trackers (Denchmark). */
    public static final LabelledSource DENCHMARK = new LabelledSource(Source.DENCHMARK, "denchmark",
            "issues.jsonl", "annotations.jsonl", ReportShape.ISSUE);
    /** Bug-fix candidate commits of DL repositories. */
    public static final LabelledSource COMMITS = new LabelledSource(Source.COMMITS, "commits",
            "commits.jsonl", "annotations.jsonl", ReportShape.COMMIT);

    /** The JSON-lines sources the importer reads when they are there, in this order. */
    public static final List<LabelledSource> ALL = List.of(GITHUB_ISSUES, DENCHMARK, COMMITS);

    /** @return the reports' file under a corpus root */
    public Path reportsIn(Path root) {
        return root.resolve(folder).resolve(reports);
    }

    /** @return the annotations' file under a corpus root */
    public Path annotationsIn(Path root) {
        return root.resolve(folder).resolve(annotations);
    }
}
