package dlbugs.label.repo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.taxonomy.Head;
import dlbugs.charts.SvgText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's per-commit table: each record's short sha (linked to GitHub when the repository
 * has a GitHub remote), date, subject and every head's label, confidence and accepted mark, in
 * Markdown, HTML and JSON. Subjects come from strangers' commits, so every format escapes them.
 */
final class CommitTable {

    static final String ACCEPTED = "✓";

    private final List<CommitRow> rows;
    private final List<Head> heads;
    private final Optional<GithubRemote> github;
    private final boolean perHunk;

    CommitTable(List<CommitRow> rows, List<Head> heads, Optional<GithubRemote> github, boolean perHunk) {
        this.rows = List.copyOf(rows);
        this.heads = List.copyOf(heads);
        this.github = github;
        this.perHunk = perHunk;
    }

    String title() {
        return "Every " + (perHunk ? "hunk" : "commit") + " labelled";
    }

    String legend() {
        return "Each head: label (confidence), " + ACCEPTED + " when accepted.";
    }

    void markdown(StringBuilder md) {
        md.append("\n## ").append(title()).append("\n\n").append(legend()).append("\n\n| ")
                .append(String.join(" | ", columns())).append(" |\n|").append("---|".repeat(columns().size())).append('\n');
        for (CommitRow r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(github.map(g -> "[" + r.shortSha() + "](" + g.commitUrl(r.sha()) + ")").orElse("`" + r.shortSha() + "`"));
            text(r).forEach(c -> cells.add(ReportTable.markdownCell(c)));
            heads.forEach(h -> cells.add(ReportTable.markdownCell(cell(r, h))));
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
    }

    void html(StringBuilder h) {
        h.append("<h2>").append(esc(title())).append("</h2><p>").append(esc(legend())).append("</p><table class='commits'><tr>");
        columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (CommitRow r : rows) {
            String sha = "<code title='" + esc(r.sha()) + "'>" + esc(r.shortSha()) + "</code>";
            h.append("<tr><td>").append(github.map(g -> "<a href='" + esc(g.commitUrl(r.sha())) + "'>" + sha + "</a>")
                    .orElse(sha)).append("</td>");
            text(r).forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            for (Head head : heads) {
                boolean accepted = label(r, head).map(LabelRecord.HeadLabel::accepted).orElse(false);
                h.append(accepted ? "<td>" : "<td class='weak'>").append(esc(cell(r, head))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    void json(ArrayNode out) {
        for (CommitRow r : rows) {
            ObjectNode n = out.addObject().put("sha", r.sha());
            github.ifPresent(g -> n.put("url", g.commitUrl(r.sha())));
            n.put("date", r.date()).put("subject", r.subject()).put("library", r.library());
            if (r.hunk() != null) {
                n.putObject("hunk").put("file", r.hunk().file()).put("index", r.hunk().index());
            }
            ObjectNode hn = n.putObject("heads");
            r.heads().forEach(l -> hn.putObject(l.head()).put("label", l.label()).put("confidence", l.confidence())
                    .put("accepted", l.accepted()));
        }
    }

    private List<String> columns() {
        List<String> cols = new ArrayList<>(List.of("commit", "date", "subject", "library"));
        if (perHunk) {
            cols.add("hunk");
        }
        heads.forEach(h -> cols.add(h.title()));
        return cols;
    }

    /** @return the row's plain-text cells after the sha: date, subject, library and the hunk if any */
    private List<String> text(CommitRow r) {
        List<String> cells = new ArrayList<>(List.of(r.date().length() >= 10 ? r.date().substring(0, 10) : r.date(),
                r.subject(), r.library()));
        if (perHunk) {
            cells.add(r.hunk() == null ? "" : r.hunk().file() + "#" + r.hunk().index());
        }
        return cells;
    }

    private static String cell(CommitRow r, Head head) {
        return label(r, head).map(l -> head.named(l.label()) + " (" + String.format(Locale.ROOT, "%.2f", l.confidence()) + ")"
                + (l.accepted() ? " " + ACCEPTED : "")).orElse("");
    }

    private static Optional<LabelRecord.HeadLabel> label(CommitRow r, Head head) {
        return r.heads().stream().filter(l -> l.head().equals(head.name())).findFirst();
    }

    private static String esc(String s) {
        return SvgText.escape(s);
    }
}
