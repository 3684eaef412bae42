package dlbugs.label.repo;

import dlbugs.charts.SvgText;

import java.util.List;

/**
 * A table of a labelling report (one repository's or many's): a title, column names and rows of
 * cells, written as a Markdown or an HTML section.
 */
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Appends the table as a Markdown section: its title as a level-2 heading, cells escaped. */
    public void markdown(StringBuilder md) {
        md.append("\n## ").append(title).append("\n\n| ").append(String.join(" | ", columns)).append(" |\n|")
                .append("---|".repeat(columns.size())).append('\n');
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r.stream().map(ReportTable::markdownCell)
                .toList())).append(" |\n"));
    }

    /** Appends the table as HTML, after {@code before} (e.g. a chart) under its heading. */
    public void html(StringBuilder h, String before) {
        h.append("<h2>").append(SvgText.escape(title)).append("</h2>").append(before).append("<table><tr>");
        columns.forEach(c -> h.append("<th>").append(SvgText.escape(c)).append("</th>"));
        h.append("</tr>");
        rows.forEach(r -> {
            h.append("<tr>");
            r.forEach(c -> h.append("<td>").append(SvgText.escape(c)).append("</td>"));
            h.append("</tr>");
        });
        h.append("</table>");
    }

    /** @return a cell that cannot break a Markdown table or start markup: one line, specials escaped */
    static String markdownCell(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>|~&])", "\\\\$1");
    }
}
