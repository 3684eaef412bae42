package dlbugs.model.corpus;

import dlbugs.model.taxonomy.LabelNormalizer;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Imports the study's labelled bugs (gold), the simba2024 questions and the labelled JSON-lines
 * sources (all silver: GitHub issues, Denchmark bug reports, commits; by
 * {@link LabelledSourceImporter}) from a corpus directory into
 * {@link LabelledItem}s, handling the quirks listed in the corpus README:
 * permuted label columns (values are assigned to heads by what they say), spelling variants,
 * labels outside the taxonomy, exact duplicate rows, several label sets for one unit (kept as
 * votes), and GitHub anchors (resolved to the hunk that holds the line).
 */
public final class CorpusImporter {

    private static final List<String> LABEL_COLUMNS = List.of(Taxonomy.BUG_TYPE, Taxonomy.ROOT_CAUSE, Taxonomy.EFFECT);
    /** The heads this project's annotations (simba2024 questions, GitHub issues) label. */
    static final List<String> SILVER_HEADS = List.of(Taxonomy.BUG_TYPE, Taxonomy.ROOT_CAUSE, Taxonomy.EFFECT,
            Taxonomy.STAGE);

    private final Taxonomy taxonomy;
    private final LabelNormalizer normalizer;

    /** @param taxonomy the heads and labels to import into */
    public CorpusImporter(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.normalizer = new LabelNormalizer(taxonomy);
    }

    /**
     * @param layout  the corpus files
     * @param options what to include
     * @return the corpus and its import report
     * @throws CorpusFormatException if a file is missing or not in the documented schema
     */
    public Corpus importFrom(CorpusLayout layout, ImportOptions options) throws CorpusFormatException {
        return importFrom(layout, options, List.of());
    }

    /**
     * Imports the corpus and merges accepted corrections into it as the source
     * {@link Source#CORRECTIONS} (a correction overrides a silver label of the same report; see
     * {@link CorrectionMerge}).
     *
     * @param corrections accepted corrections, in id order
     * @return the corpus with the corrections merged, and its import report
     * @throws CorpusFormatException if a file is missing or not in the documented schema
     */
    public Corpus importFrom(CorpusLayout layout, ImportOptions options, List<CorrectedLabel> corrections)
            throws CorpusFormatException {
        ImportLog log = new ImportLog();
        TextSources texts = TextSources.load(layout);
        Units units = new Units();
        Map<String, String> unitByRef = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        importStudyRows(layout, options, texts, units, unitByRef, links, log);
        if (layout.has(layout.stages())) {
            importExtraHead(Taxonomy.STAGE, stageRows(layout), units, unitByRef, log);
        } else {
            log.note("stage annotations absent (a fetched corpus has none): stage head unlabelled");
        }
        if (layout.has(layout.fixPatterns())) {
            importExtraHead(Taxonomy.FIX_PATTERN, fixPatternRows(layout), units, unitByRef, log);
        } else {
            log.note("fix-pattern workbook absent: fix pattern head unlabelled");
        }
        if (options.silver() && layout.has(layout.simbaAnnotations())) {
            importSilver(layout, texts, units, log);
        } else if (options.silver()) {
            log.note("simba2024 annotations absent (a fetched corpus has none): no silver questions");
        }
        for (LabelledSource source : LabelledSource.ALL) {
            if (options.silver() && layout.has(source)) {
                new LabelledSourceImporter(normalizer).importInto(source, layout.root(), units, links, log);
            } else if (options.silver()) {
                log.note(source.folder() + " absent (" + source.reports() + " or " + source.annotations() + "): no "
                        + source.source().label() + " units");
            }
        }
        List<LabelledItem> items = corrections.isEmpty() ? units.build()
                : new CorrectionMerge(taxonomy, log).merge(units.build(), corrections);
        return new Corpus(items, report(items, log), CorrectionMerge.hash(layout.contentHash(), corrections), links,
                CorrectionMerge.used(corrections));
    }

    private void importStudyRows(CorpusLayout layout, ImportOptions options, TextSources texts, Units units,
                                 Map<String, String> unitByRef, Map<String, String> links, ImportLog log)
            throws CorpusFormatException {
        Set<String> seen = new HashSet<>();
        for (LabelSheets.SheetRow row : LabelSheets.readStudyRows(layout.datasetZip(), LABEL_COLUMNS.size())) {
            log.read("gold " + row.source().label() + " label rows");
            if (!seen.add(row.source() + "|" + row.ref() + "|" + row.cells())) {
                log.drop("duplicate of an earlier row");
                continue;
            }
            Map<String, String> labels = labels(row, log);
            if (labels.isEmpty()) {
                log.drop("no label inside the taxonomy");
                continue;
            }
            Optional<AnchorResolver.Resolved> unit = resolve(row, options, texts, log);
            if (unit.isEmpty()) {
                continue;
            }
            log.rowsJoined++;
            units.add(unit.get(), row.source(), Quality.GOLD, true, labels);
            unitByRef.put(refKey(row.source(), row.ref()), unit.get().unitId());
            links.putIfAbsent(unit.get().unitId(), row.source() == Source.STACKOVERFLOW
                    ? "https://stackoverflow.com/questions/" + row.ref().strip() : row.ref().strip());
        }
    }

    private Map<String, String> labels(LabelSheets.SheetRow row, ImportLog log) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean permuted = false;
        for (int i = 0; i < LABEL_COLUMNS.size(); i++) {
            String raw = row.cells().get(i);
            if (raw.isBlank()) {
                log.dropLabel("empty " + LABEL_COLUMNS.get(i) + " cell");
                continue;
            }
            Optional<LabelNormalizer.HeadLabel> hl = normalizer.classify(raw);
            if (hl.isEmpty() || !LABEL_COLUMNS.contains(hl.get().head())) {
                log.dropLabel("outside the taxonomy: '" + raw + "'");
                continue;
            }
            permuted |= !hl.get().head().equals(LABEL_COLUMNS.get(i));
            if (out.putIfAbsent(hl.get().head(), hl.get().label()) != null) {
                log.dropLabel("second value for " + hl.get().head() + " in one row");
            }
        }
        if (permuted) {
            log.note("rows with label columns out of order, assigned by value: " + row.file());
        }
        return out;
    }

    private Optional<AnchorResolver.Resolved> resolve(LabelSheets.SheetRow row, ImportOptions options,
                                                      TextSources texts, ImportLog log) {
        if (row.source() == Source.STACKOVERFLOW) {
            if (!row.ref().matches("\\d+")) {
                log.drop("unparseable question id");
                return Optional.empty();
            }
            String group = "so:" + row.ref();
            return texts.question(row.ref(), row.library(), options, log)
                    .map(r -> new AnchorResolver.Resolved(group, group, r, null));
        }
        GithubRef ref;
        try {
            ref = GithubRef.parse(row.ref());
        } catch (IllegalArgumentException e) {
            log.drop("unparseable GitHub reference");
            return Optional.empty();
        }
        Optional<AnchorResolver.Resolved> unit = texts.resolver.resolve(ref, row.library());
        if (unit.isEmpty()) {
            log.drop(ref.kind() == GithubRef.Kind.BLOB ? "file excerpt not cached"
                    : "commit not cached (repository gone)");
        } else {
            log.note("anchor resolution: " + unit.get().resolution().name().toLowerCase());
        }
        return unit;
    }

    private static String refKey(Source source, String ref) {
        return source + "|" + ref.strip();
    }

    private record ExtraLabel(Source source, String ref, String raw) {
    }

    private static List<ExtraLabel> stageRows(CorpusLayout layout) throws CorpusFormatException {
        return CsvTable.read(layout.stages(), "ref", "source", "stage").stream()
                .map(r -> new ExtraLabel("github".equals(r.get("source")) ? Source.GITHUB : Source.STACKOVERFLOW,
                        r.get("ref"), r.get("stage")))
                .toList();
    }

    private static List<ExtraLabel> fixPatternRows(CorpusLayout layout) throws CorpusFormatException {
        return LabelSheets.readFixPatternRows(layout.fixPatterns()).stream()
                .map(r -> new ExtraLabel(r.source(), r.ref(), r.cells().get(1)))
                .toList();
    }

    /** Adds labels of a head the study's sheets lack (stage, fix pattern) to the units they name. */
    private void importExtraHead(String head, List<ExtraLabel> rows, Units units, Map<String, String> unitByRef,
                                 ImportLog log) {
        Set<String> seen = new HashSet<>();
        for (ExtraLabel row : rows) {
            log.read(head + " rows");
            Optional<String> label = normalizer.normalize(head, row.raw());
            String unitId = unitByRef.get(refKey(row.source(), row.ref()));
            if (label.isEmpty()) {
                log.dropLabel(head + " outside the taxonomy: '" + row.raw() + "'");
            } else if (unitId == null) {
                log.note(head + " rows whose reference was not imported");
            } else if (!seen.add(row.source() + "|" + row.ref() + "|" + row.raw())) {
                log.note(head + " rows repeating an earlier row");
            } else {
                units.vote(unitId, head, label.get());
            }
        }
    }

    private void importSilver(CorpusLayout layout, TextSources texts, Units units, ImportLog log)
            throws CorpusFormatException {
        for (SilverAnnotation a : JsonLines.read(layout.simbaAnnotations(), SilverAnnotation.class)) {
            log.read("silver annotations");
            String group = "so:" + a.id();
            Optional<Map<String, String>> row = texts.simba(a.id());
            if (units.has(group)) {
                log.note("silver: question is gold too, gold kept");
            } else if (row.isEmpty()) {
                log.note("silver: no text in dataset.csv, skipped");
            } else if (!"yes".equals(a.isBug())) {
                log.note("silver: not a DL bug, kept unlabelled (trains the dl_bug head)");
                units.add(new AnchorResolver.Resolved(group, group, simbaReport(row.get()), null), Source.STACKOVERFLOW,
                        Quality.SILVER, false, Map.of());
            } else {
                Map<String, String> labels = new LinkedHashMap<>();
                for (String head : SILVER_HEADS) {
                    String raw = a.label(head);
                    normalizer.normalize(head, raw).ifPresentOrElse(l -> labels.put(head, l),
                            () -> log.dropLabel("silver " + head + " outside the taxonomy: '" + raw + "'"));
                }
                units.add(new AnchorResolver.Resolved(group, group, simbaReport(row.get()), null), Source.STACKOVERFLOW,
                        Quality.SILVER, true, labels);
            }
        }
    }

    private static BugReport simbaReport(Map<String, String> row) {
        return new BugReport("", row.get("Text"), "", Libraries.fromTags(row.get("Tags")));
    }

    private ImportReport report(List<LabelledItem> items, ImportLog log) {
        Map<String, Integer> bySource = new TreeMap<>();
        items.forEach(i -> ImportLog.inc(bySource, part(i)));
        Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();
        bySource.keySet().forEach(part -> counts.put(part, classCounts(items, i -> part(i).equals(part))));
        return new ImportReport(log.rowsRead, log.rowsJoined, log.rowsDropped, log.labelsDropped, log.notes,
                (int) items.stream().filter(i -> i.quality() == Quality.GOLD).count(),
                (int) items.stream().filter(i -> i.quality() == Quality.SILVER).count(), bySource,
                (int) items.stream().filter(i -> Boolean.FALSE.equals(i.dlBug())).count(), counts);
    }

    /** @return the report's name of a unit's part of the corpus: quality/source, e.g. {@code silver/denchmark} */
    static String part(LabelledItem item) {
        return item.quality().name().toLowerCase() + "/" + item.source().label();
    }

    private Map<String, Map<String, Integer>> classCounts(List<LabelledItem> items, Predicate<LabelledItem> part) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        taxonomy.heads().forEach(h -> {
            Map<String, Integer> c = new LinkedHashMap<>();
            items.stream().filter(part).forEach(i -> i.majority(h.name()).ifPresent(l -> ImportLog.inc(c, l)));
            counts.put(h.name(), c);
        });
        return counts;
    }
}
