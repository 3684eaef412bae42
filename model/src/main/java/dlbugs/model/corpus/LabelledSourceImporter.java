package dlbugs.model.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.taxonomy.LabelNormalizer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports a {@link LabelledSource} (GitHub issues, Denchmark bug reports, candidate commits) as
 * silver units of its {@link Source}: one unit per annotated report, its text built by the
 * source's {@link ReportShape} (an issue's thread and a fix's files are never read), grouped by
 * its repository when the source says so, else by its id. A report that is not a DL bug is kept
 * with no label but its {@code dl_bug} vote: the taxonomy's other heads do not apply to it.
 */
final class LabelledSourceImporter {

    private final LabelNormalizer normalizer;

    LabelledSourceImporter(LabelNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * @param raw a library as a report names it
     * @return one of {@link Libraries#KNOWN}, or "" for the others (mxnet, jax, a project's own
     *         name), as a request's "other" is: no library feature
     */
    static String library(String raw) {
        return Libraries.parse(raw).orElse("");
    }

    /** Adds one unit per annotated report; links each to its page. */
    void importInto(LabelledSource spec, Path root, Units units, Map<String, String> links, ImportLog log)
            throws CorpusFormatException {
        String name = spec.source().label();
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (JsonNode row : JsonLines.read(spec.reportsIn(root), JsonNode.class)) {
            log.read(name + " reports");
            if (reports.putIfAbsent(row.path("id").asText(), row) != null) {
                log.note(name + ": id repeated, first kept");
            }
        }
        int annotated = 0;
        for (SilverAnnotation a : JsonLines.read(spec.annotationsIn(root), SilverAnnotation.class)) {
            log.read(name + " annotations");
            JsonNode row = reports.get(a.id());
            if (row == null) {
                log.note(name + ": annotation of an unknown report, skipped");
            } else if (units.has(a.id())) {
                log.note(name + ": annotation repeated, first kept");
            } else {
                annotated++;
                add(spec, row, a, units, log);
                links.putIfAbsent(a.id(), row.path("url").asText(""));
            }
        }
        if (annotated < reports.size()) {
            log.note(name + ": reports without an annotation, skipped", reports.size() - annotated);
        }
    }

    private void add(LabelledSource spec, JsonNode row, SilverAnnotation a, Units units, ImportLog log) {
        String name = spec.source().label();
        String rawLibrary = row.path("library").asText("");
        BugReport report = spec.shape().report(row, library(rawLibrary));
        if (report.isBlank()) {
            log.note(name + ": no text, skipped");
            return;
        }
        if (report.library().isEmpty()) {
            log.note(name + ": library outside the five, left empty");
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
                        () -> log.dropLabel(name + " " + head + " outside the taxonomy: '" + raw + "'"));
            }
        } else {
            CorpusImporter.SILVER_HEADS.stream().filter(h -> a.label(h) != null)
                    .forEach(h -> log.dropLabel(name + " " + h + " of a report that is not a DL bug"));
            log.note(dlBug == null ? name + ": is_dl_bug not yes or no, kept unlabelled"
                    : name + ": not a DL bug, kept unlabelled");
        }
        String group = spec.source().byRepository() && !row.path("repo").asText("").isBlank()
                ? "repo:" + row.path("repo").asText() : a.id();
        units.add(new AnchorResolver.Resolved(a.id(), group, report, null), spec.source(), Quality.SILVER, dlBug,
                labels);
    }
}
