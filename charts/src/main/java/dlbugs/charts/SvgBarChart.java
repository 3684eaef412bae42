package dlbugs.charts;

import java.util.List;

import static dlbugs.charts.SvgText.fixed;
import static dlbugs.charts.SvgText.shorten;

/**
 * Grouped horizontal bars: one group per row label, one bar per series, values in [0, 1], each
 * value printed at the end of its bar so a zero is told apart from a missing bar.
 */
public final class SvgBarChart {

    private static final int BAR = 10;
    private static final int GAP = 10;
    private static final int PLOT_TOP = 48;
    private static final int PLOT_WIDTH = 340;
    private static final int LABEL_CHARS = 40;

    private SvgBarChart() {
    }

    /** @return the chart; {@code series.get(k).points().get(r)[0]} is series k's value in row r */
    public static String render(String title, String axisName, List<String> rows, List<SvgSeries> series) {
        int groupH = BAR * series.size() + GAP;
        double left = 12 + SvgCanvas.CHAR_WIDTH * rows.stream().mapToInt(r -> shorten(r, LABEL_CHARS).length()).max().orElse(0);
        double plotBottom = PLOT_TOP + rows.size() * groupH;
        List<String> names = series.stream().map(SvgSeries::name).toList();
        double width = Math.max(left + PLOT_WIDTH + 44, SvgCanvas.legendWidth(names) + 12);
        SvgCanvas svg = new SvgCanvas(width, plotBottom + 42, title);
        svg.legend(6, 26, names, series.stream().map(SvgSeries::colour).toList(), false);
        for (int r = 1; r < rows.size(); r += 2) {
            svg.rect(4, PLOT_TOP + r * groupH, left + PLOT_WIDTH + 36, groupH, "#f5f5f5", null, null);
        }
        axis(svg, left, plotBottom, axisName);
        for (int r = 0; r < rows.size(); r++) {
            double y0 = PLOT_TOP + r * groupH;
            svg.text(left - 6, y0 + groupH / 2.0 + 4, "end", 11, "#222", shorten(rows.get(r), LABEL_CHARS));
            for (int k = 0; k < series.size(); k++) {
                bar(svg, left, y0 + GAP / 2.0 + k * BAR, series.get(k), rows.get(r), value(series.get(k), r));
            }
        }
        return svg.close();
    }

    private static void bar(SvgCanvas svg, double left, double y, SvgSeries s, String row, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        double w = Math.max(0, Math.min(1, v)) * PLOT_WIDTH;
        svg.rect(left, y, w, BAR - 1, s.colour(), null, s.name() + " — " + row + ": " + fixed(v, 3));
        svg.text(left + w + 3, y + BAR - 2, "start", 9, v > 0 ? "#333" : "#aaa", fixed(v, 2));
    }

    private static void axis(SvgCanvas svg, double left, double plotBottom, String axisName) {
        for (int t = 0; t <= 5; t++) {
            double x = left + PLOT_WIDTH * t / 5.0;
            svg.line(x, PLOT_TOP, x, plotBottom, t == 0 ? "#999" : "#e4e4e4", false);
            svg.text(x, plotBottom + 14, "middle", 10, "#444", fixed(t / 5.0, 1));
        }
        svg.text(left + PLOT_WIDTH / 2.0, plotBottom + 32, "middle", 11, "#222", axisName);
    }

    private static double value(SvgSeries s, int row) {
        return row < s.points().size() ? s.points().get(row)[0] : Double.NaN;
    }
}
