package dlbugs.label.spark;

import dlbugs.label.repo.ReportTable;
import dlbugs.label.repo.SkipReason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.charts.SvgBarChart;
import dlbugs.charts.SvgSeries;
import dlbugs.charts.SvgText;
import dlbugs.label.study.StudyShares;
import dlbugs.model.taxonomy.Head;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report of a {@code label-repos} run: per repository what was scanned, labelled, skipped and
 * why it failed; then per head the study's table over all repositories (count and share per
 * library and overall, each beside the 2019 study's share for the same library), and the share
 * of each label per repository. Markdown, one self-contained HTML page, and JSON.
 */
public final class CrossRepoReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Head> heads;
    private final List<RepoSummary> summaries;
    private final CrossRepoTables tables;
    private final Optional<StudyShares> study;

    public CrossRepoReport(List<Head> heads, List<RepoSummary> summaries, CrossRepoTables tables,
                           Optional<StudyShares> study) {
        this.heads = List.copyOf(heads);
        this.summaries = List.copyOf(summaries);
        this.tables = tables;
        this.study = study;
    }

    List<ReportTable> tables() {
        List<ReportTable> out = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (RepoSummary s : summaries) {
            rows.add(List.of(s.repo(), s.source() + " " + s.range(), String.valueOf(s.scanned()),
                    String.valueOf(s.candidates()), String.valueOf(s.labelled()), skipped(s.skipped()),
                    s.ok() ? "" : s.failure()));
        }
        out.add(new ReportTable("Repositories", List.of("repository", "source", "scanned", "candidates", "labelled",
                "skipped", "failed"), rows));
        for (Head h : heads) {
            out.add(overall(h));
            out.add(perRepo(h));
        }
        return out;
    }

    /** The reasons commits were skipped, most first: {@code 510 not a fix, 12 no DL code}, or {@code none}. */
    private static String skipped(Map<String, Long> byReason) {
        String text = byReason.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + SkipReason.fromKey(e.getKey()).map(SkipReason::shortName)
                        .orElse(e.getKey().replace('_', ' ')))
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "none" : text;
    }

    private ReportTable overall(Head head) {
        List<String> libs = tables.libraries();
        List<String> cols = new ArrayList<>(List.of(head.title()));
        for (String l : libs) {
            cols.add(l);
            cols.add(l + " (2019)");
        }
        cols.addAll(List.of("all", "all (2019)"));
        List<List<String>> rows = new ArrayList<>();
        for (String label : labels(head)) {
            List<String> row = new ArrayList<>(List.of(head.named(label)));
            for (String l : libs) {
                row.add(share(tables.count(head.name(), null, l, label), tables.records(null, l)));
                row.add(studyShare(head.name(), l, label));
            }
            row.add(share(tables.count(head.name(), null, null, label), tables.records(null, null)));
            row.add(studyShare(head.name(), null, label));
            rows.add(row);
        }
        return new ReportTable(head.title() + ": all repositories", cols, rows);
    }

    private ReportTable perRepo(Head head) {
        List<String> repos = tables.repos();
        List<String> cols = new ArrayList<>(List.of(head.title()));
        cols.addAll(repos);
        List<List<String>> rows = new ArrayList<>();
        for (String label : labels(head)) {
            List<String> row = new ArrayList<>(List.of(head.named(label)));
            repos.forEach(r -> row.add(share(tables.count(head.name(), r, null, label), tables.records(r, null))));
            rows.add(row);
        }
        return new ReportTable(head.title() + ": per repository", cols, rows);
    }

    private List<String> labels(Head head) {
        List<String> out = new ArrayList<>(head.labels());
        tables.labels(head.name()).stream().filter(l -> !out.contains(l)).forEach(out::add);
        return out;
    }

    private String studyShare(String head, String library, String label) {
        return study.flatMap(s -> s.share(head, library, label))
                .map(v -> String.format(Locale.ROOT, "%.1f%%", 100 * v)).orElse("–");
    }

    private static String share(long n, long of) {
        return of == 0 ? String.valueOf(n) : n + " (" + String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of) + ")";
    }

    /** @return the report as Markdown */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Bug-fix commits of ").append(summaries.size())
                .append(" repositories, labelled by dlbugs\n\n").append(note()).append('\n');
        tables().forEach(t -> t.markdown(md));
        return md.toString();
    }

    private String note() {
        return study.map(s -> "Shares marked (2019) are the study's own, counted from all " + s.bugs(null)
                + " labelled rows of its workbooks (Stack Overflow and GitHub together; the paper says 970 bugs); – where the study does not "
                + "label the head.").orElse("The study's workbooks were not found (--corpus): no 2019 shares.");
    }

    /** @return the report as one HTML page: inline style and SVG, nothing fetched */
    public String html() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>dlbugs: "
                + "label-repos</title><style>body{font-family:sans-serif;margin:24px;max-width:1400px;color:#222}"
                + "table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}td,th{border:1px solid #ccc;"
                + "padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                + "svg{max-width:100%;height:auto}</style></head><body><h1>Bug-fix commits of ")
                .append(summaries.size()).append(" repositories, labelled by dlbugs</h1><p>").append(esc(note()))
                .append("</p>");
        List<ReportTable> ts = tables();
        for (int i = 0; i < ts.size(); i++) {
            ts.get(i).html(h, i % 2 == 1 ? chart(heads.get(i / 2)) : "");
        }
        return h.append("</body></html>\n").toString();
    }

    private String chart(Head head) {
        List<String> labels = labels(head);
        List<SvgSeries> series = new ArrayList<>();
        series.add(new SvgSeries("these repositories", "#4e79a7", labels.stream().map(l -> new double[]{
                fraction(tables.count(head.name(), null, null, l), tables.records(null, null))}).toList()));
        if (study.isPresent() && study.get().covers(head.name())) {
            series.add(new SvgSeries("Islam et al. 2019", "#f28e2b", labels.stream().map(l -> new double[]{
                    study.get().share(head.name(), null, l).orElse(0.0)}).toList()));
        }
        return SvgBarChart.render(head.title() + ": share of all records", "share", labels.stream().map(head::named).toList(), series);
    }

    private static double fraction(long n, long of) {
        return of == 0 ? 0 : (double) n / of;
    }

    /** @return the summaries and counts as JSON, for scripts */
    public String json() {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode repos = n.putArray("repositories");
        // What a repository holds, not what this run did with it: a later run that changes nothing keeps this file.
        summaries.forEach(s -> repos.add(JSON.<ObjectNode>valueToTree(s).without("status")));
        ObjectNode hs = n.putObject("heads");
        for (Head head : heads) {
            ObjectNode hn = hs.putObject(head.name());
            for (String label : labels(head)) {
                ObjectNode ln = hn.putObject(label).put("records", tables.count(head.name(), null, null, label));
                study.flatMap(s -> s.share(head.name(), null, label)).ifPresent(v -> ln.put("study_share", v));
                ObjectNode by = ln.putObject("by_library");
                tables.libraries().forEach(l -> by.put(l, tables.count(head.name(), null, l, label)));
                ObjectNode byRepo = ln.putObject("by_repository");
                tables.repos().forEach(r -> byRepo.put(r, tables.count(head.name(), r, null, label)));
            }
        }
        return n.toPrettyString() + "\n";
    }

    private static String esc(String s) {
        return SvgText.escape(s);
    }
}
