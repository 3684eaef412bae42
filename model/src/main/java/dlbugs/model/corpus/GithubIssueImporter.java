package dlbugs.model.corpus;

import dlbugs.model.taxonomy.LabelNormalizer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Imports {@code github_issues/} (issues of DL projects' trackers, labelled once for this project)
 * as silver units of {@link Source#GITHUB_ISSUE}: one unit per issue, grouped by its id, text from
 * the title and the opening post only. The thread is never read (see {@link CachedIssue}). An
 * issue that is not a DL bug is kept with no labels and {@code dlBug} false, for a future "is this
 * a DL bug" head; the four heads mask it.
 */
final class GithubIssueImporter {

    /**
     * Library names of the issues that {@link Libraries#canonical} does not fold: the Lua Torch and
     * Lightning (a PyTorch wrapper) are Torch to the model.
     */
    private final LabelNormalizer normalizer;

    GithubIssueImporter(LabelNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * @param raw a library as read from an issue
     * @return one of {@link Libraries#KNOWN}, or "" for the others (mxnet, jax, flax, transformers),
     *         as a request's "other" is: no library feature
     */
    static String library(String raw) {
        return Libraries.parse(raw).orElse("");
    }

    /** Adds one unit per annotated issue; links each to its issue page. */
    void importInto(CorpusLayout layout, Units units, Map<String, String> links, ImportLog log)
            throws CorpusFormatException {
        Map<String, CachedIssue> issues = new LinkedHashMap<>();
        for (CachedIssue issue : JsonLines.read(layout.githubIssues(), CachedIssue.class)) {
            log.read("github issues");
            if (issues.putIfAbsent(issue.id(), issue) != null) {
                log.note("github issues: id repeated, first kept");
            }
        }
        int annotated = 0;
        for (SilverAnnotation a : JsonLines.read(layout.githubIssueAnnotations(), SilverAnnotation.class)) {
            log.read("github issue annotations");
            CachedIssue issue = issues.get(a.id());
            if (issue == null) {
                log.note("github issues: annotation of an unknown issue, skipped");
            } else if (units.has(a.id())) {
                log.note("github issues: annotation repeated, first kept");
            } else {
                annotated++;
                add(issue, a, units, log);
                links.putIfAbsent(a.id(), Objects.requireNonNullElse(issue.url(), ""));
            }
        }
        if (annotated < issues.size()) {
            log.note("github issues: issues without an annotation, skipped", issues.size() - annotated);
        }
    }

    private void add(CachedIssue issue, SilverAnnotation a, Units units, ImportLog log) {
        BugReport report = new BugReport(issue.title(), issue.body(), "", library(issue.library()));
        if (report.isBlank()) {
            log.note("github issues: no title or body, skipped");
            return;
        }
        if (report.library().isEmpty()) {
            log.note("github issues: library outside the five, left empty: " + issue.library());
        }
        Boolean dlBug = switch (String.valueOf(a.isBug())) {
            case "yes" -> true;
            case "no" -> false;
            default -> null;
        };
        Map<String, String> labels = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(dlBug)) {
            for (String head : CorpusImporter.SILVER_HEADS) {
                String raw = a.label(head);
                normalizer.normalize(head, raw).ifPresentOrElse(l -> labels.put(head, l),
                        () -> log.dropLabel("github issue " + head + " outside the taxonomy: '" + raw + "'"));
            }
        } else {
            CorpusImporter.SILVER_HEADS.stream().filter(h -> a.label(h) != null)
                    .forEach(h -> log.dropLabel("github issue " + h + " of an issue that is not a DL bug"));
            log.note(dlBug == null ? "github issues: is_dl_bug not yes or no, kept unlabelled"
                    : "github issues: not a DL bug, kept unlabelled");
        }
        units.add(new AnchorResolver.Resolved(issue.id(), issue.id(), report, null), Source.GITHUB_ISSUE,
                Quality.SILVER, dlBug, labels);
    }
}
