package dlbugs.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * picocli's help with option and parameter descriptions wrapped between words only. picocli
 * wraps them where Java's line-break rules allow, which includes after the dots, colons and
 * slashes of a path or a URL ({@code models/dlbugs-default.} / {@code bundle}); a word longer than
 * the whole column is still cut, as nothing else fits.
 */
final class WholeWordHelp extends Help {

    WholeWordHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        Layout base = super.createDefaultLayout(options, positionals, scheme);
        WholeWordTable table = new WholeWordTable(scheme, base.textTable().columns());
        table.indentWrappedLines = base.textTable().indentWrappedLines;
        return new Layout(scheme, table, base.optionRenderer(), base.parameterRenderer());
    }

    /** A table whose last column (the descriptions) breaks lines at spaces. */
    static final class WholeWordTable extends TextTable {

        private final ColorScheme scheme;

        WholeWordTable(ColorScheme scheme, Column[] columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Ansi.Text value) {
            Column column = columns()[col];
            int width = column.width - column.indent;
            if (col != columns().length - 1 || value == null || value.plainString().length() <= width) {
                return super.putValue(row, col, value);
            }
            Cell last = null;
            Ansi.Text pad = scheme.ansi().text(" ".repeat(indentWrappedLines));
            for (int[] line : lines(value.plainString(), width, width - indentWrappedLines)) {
                // A word longer than the column takes several rows: the next line starts after them.
                int r = last == null ? row : last.row + 1;
                while (r > rowCount() - 1) {
                    addEmptyRow();
                }
                Ansi.Text piece = value.substring(line[0], line[1]);
                last = super.putValue(r, col, last == null ? piece : pad.concat(piece));
            }
            return last;
        }

        /** Start and end of each line: words (split at spaces) as many as fit, a longer word alone. */
        static List<int[]> lines(String text, int first, int rest) {
            List<int[]> lines = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int width = lines.isEmpty() ? first : rest;
                int end = Math.min(text.length(), start + width);
                if (end < text.length()) {
                    int space = text.lastIndexOf(' ', end);
                    if (space > start) {
                        end = space;
                    } else {
                        int next = text.indexOf(' ', start);
                        end = next < 0 ? text.length() : next;
                    }
                }
                lines.add(new int[]{start, end});
                start = end;
                while (start < text.length() && text.charAt(start) == ' ') {
                    start++;
                }
            }
            return lines;
        }
    }
}
