package dlbugs.label.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.taxonomy.Head;
import dlbugs.charts.SvgText;
import dlbugs.charts.SvgBarChart;
import dlbugs.charts.SvgSeries;
import dlbugs.label.study.StudyShares;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A repository's report, laid out like the study's tables: for each head, every label with its
 * count and share per library and overall, and how many cleared the threshold; before that, what
 * the walk scanned and skipped and why; after them, every labelled commit ({@link CommitTable}).
 * The same tables render as Markdown, as a self-contained HTML page with a bar chart per head, and
 * as JSON.
 */
public final class RepoReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
            "#edc948", "#b07aa1");

    /**
     * What was run.
     *
     * @param repository   the repository path
     * @param range        revisions walked
     * @param since        earliest commit date, or "" for all
     * @param modelName    the model's name
     * @param modelVersion the model's version
     * @param perHunk      true if records are per hunk
     * @param threshold    "the model's per-head thresholds" or the value given
     * @param timing       where the time went
     * @param github       the repository on GitHub, if a remote says so: commits are linked there
     */
    public record Run(String repository, String range, String since, String modelName, String modelVersion,
                      boolean perHunk, String threshold, RepoLabeler.Timing timing, Optional<GithubRemote> github) {
    }

    private final Run run;
    private final RepoTally tally;
    private final Optional<StudyShares> study;

    public RepoReport(Run run, RepoTally tally) {
        this(run, tally, Optional.empty());
    }

    /** @param study the 2019 study's shares, set beside each library's and the overall share */
    public RepoReport(Run run, RepoTally tally, Optional<StudyShares> study) {
        this.run = run;
        this.tally = tally;
        this.study = study;
    }

    /** @return the report as Markdown */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Bug-fix commits of ").append(name()).append(", labelled by dlbugs\n\n");
        settings().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        tables().forEach(t -> t.markdown(md));
        commits().markdown(md);
        return md.toString();
    }

    /** @return the report as one HTML page: inline style and SVG, nothing fetched */
    public String html() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>dlbugs: ")
                .append(esc(name())).append("</title><style>body{font-family:sans-serif;margin:24px;max-width:1200px;"
                        + "color:#222}table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}td,th{border:1px solid "
                        + "#ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                        + "h2{margin-top:32px;border-bottom:1px solid #ddd}.commits td{text-align:left}td.weak{color:#777}"
                        + "svg{max-width:100%;height:auto}</style></head><body>")
                .append("<h1>Bug-fix commits of ").append(esc(name())).append(", labelled by dlbugs</h1><ul>");
        settings().forEach((k, v) -> h.append("<li>").append(esc(k)).append(": ").append(esc(v)).append("</li>"));
        h.append("</ul>");
        List<ReportTable> tables = tables();
        for (int i = 0; i < tables.size(); i++) {
            tables.get(i).html(h, i > 0 ? chart(tally.heads().get(i - 1)) : "");
        }
        commits().html(h);
        return h.append("</body></html>\n").toString();
    }

    /** @return the counts as JSON, for scripts */
    public String json() {
        ObjectNode n = JSON.createObjectNode().put("repository", run.repository()).put("range", run.range())
                .put("since", run.since()).put("unit", unit());
        n.putObject("model").put("name", run.modelName()).put("version", run.modelVersion());
        n.put("threshold", run.threshold()).put("scanned", tally.scannedCount()).put("candidates", tally.candidateCount())
                .put("labelled", tally.labelledCount()).put("previously_labelled", tally.previousCount())
                .put("records", tally.records()).put("not_dl_bugs", tally.nonBugCount())
                .put("non_bugs_in_tables", !tally.skipsNonBugs());
        ObjectNode skipped = n.putObject("skipped");
        tally.skipped().forEach((k, v) -> skipped.put(k.key(), v));
        ObjectNode libs = n.putObject("libraries");
        tally.libraries().forEach(libs::put);
        ObjectNode heads = n.putObject("heads");
        for (Head head : tally.heads()) {
            ObjectNode hn = heads.putObject(head.name());
            for (String label : tally.labels(head.name())) {
                ObjectNode ln = hn.putObject(label).put("records", tally.count(head.name(), label, null, false))
                        .put("accepted", tally.count(head.name(), label, null, true));
                ObjectNode by = ln.putObject("by_library");
                libraries().forEach(l -> by.put(l, tally.count(head.name(), label, l, false)));
            }
        }
        commits().json(n.putArray("commits"));
        RepoLabeler.Timing t = run.timing();
        n.putObject("timing").put("scan_seconds", t.scanNanos() / 1e9).put("classify_seconds", t.classifyNanos() / 1e9)
                .put("classified", t.classified());
        return n.toPrettyString() + "\n";
    }

    private Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("repository", run.repository());
        m.put("revisions", run.range() + (run.since().isEmpty() ? "" : ", since " + run.since()));
        m.put("model", run.modelName() + " " + run.modelVersion());
        m.put("one record per", unit());
        m.put("accepted means confidence at or above", run.threshold());
        study.ifPresent(st -> m.put("(2019) columns", "the study's own shares, from the " + st.bugs(null)
                + " labelled rows of its workbooks"));
        return m;
    }

    List<ReportTable> tables() {
        List<ReportTable> out = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("commits scanned (this run)", String.valueOf(tally.scannedCount())));
        rows.add(List.of("candidates: bug fixes touching DL code (this run)", String.valueOf(tally.candidateCount())));
        for (SkipReason r : SkipReason.values()) {
            rows.add(List.of("skipped: " + r.description(), String.valueOf(tally.skipped().getOrDefault(r, 0L))));
        }
        rows.add(List.of(unit() + "s labelled this run", String.valueOf(tally.labelledCount())));
        rows.add(List.of(unit() + "s labelled by earlier runs (in the output file)", String.valueOf(tally.previousCount())));
        rows.add(List.of(unit() + "s the model judges not a DL bug" + (tally.skipsNonBugs()
                ? " (left out of the tables below)" : " (counted in the tables below)"), String.valueOf(tally.nonBugCount())));
        rows.add(List.of(unit() + "s in the tables below", String.valueOf(tally.records())));
        out.add(new ReportTable("Commits", List.of("", "count"), rows));
        for (Head head : tally.heads()) {
            out.add(headTable(head));
        }
        return out;
    }

    private ReportTable headTable(Head head) {
        List<String> libs = libraries();
        boolean compare = study.isPresent() && study.get().covers(head.name());
        List<String> cols = new ArrayList<>(List.of(head.title()));
        libs.forEach(l -> cols.addAll(compare ? List.of(l, l + " (2019)") : List.of(l)));
        cols.addAll(compare ? List.of("all", "all (2019)") : List.of("all"));
        cols.add("accepted");
        List<List<String>> rows = new ArrayList<>();
        for (String label : tally.labels(head.name())) {
            List<String> row = new ArrayList<>(List.of(head.named(label)));
            for (String l : libs) {
                row.add(share(tally.count(head.name(), label, l, false), tally.libraries().get(l)));
                if (compare) {
                    row.add(studyShare(head.name(), l, label));
                }
            }
            row.add(share(tally.count(head.name(), label, null, false), tally.records()));
            if (compare) {
                row.add(studyShare(head.name(), null, label));
            }
            row.add(String.valueOf(tally.count(head.name(), label, null, true)));
            rows.add(row);
        }
        return new ReportTable(head.title(), cols, rows);
    }

    private String chart(Head head) {
        List<String> labels = tally.labels(head.name());
        List<SvgSeries> series = new ArrayList<>();
        List<String> libs = libraries();
        for (int k = 0; k < libs.size(); k++) {
            String lib = libs.get(k);
            series.add(new SvgSeries(lib, COLOURS.get(k % COLOURS.size()), labels.stream()
                    .map(l -> new double[]{fraction(tally.count(head.name(), l, lib, false), tally.libraries().get(lib))})
                    .toList()));
        }
        return SvgBarChart.render(head.title() + ": share of each library's " + unit() + "s", "share",
                labels.stream().map(head::named).toList(), series);
    }

    private String studyShare(String head, String library, String label) {
        return study.get().share(head, library, label).map(v -> String.format(Locale.ROOT, "%.1f%%", 100 * v)).orElse("–");
    }

    private CommitTable commits() {
        return new CommitTable(tally.rows(), tally.heads(), run.github(), run.perHunk());
    }


    private List<String> libraries() {
        return tally.libraries().keySet().stream().sorted().toList();
    }

    private String unit() {
        return run.perHunk() ? "hunk" : "commit";
    }

    private String name() {
        String p = run.repository().replaceAll("[/\\\\]+$", "");
        return p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
    }

    private static String share(long n, Long of) {
        return of == null || of == 0 ? String.valueOf(n) : n + " (" + String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of) + ")";
    }

    private static double fraction(long n, Long of) {
        return of == null || of == 0 ? 0 : (double) n / of;
    }

    private static String esc(String s) {
        return SvgText.escape(s);
    }
}
