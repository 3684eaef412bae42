package dlbugs.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dlbugs.charts.SvgText.fixed;

/** Lines with point markers on [0, 1]², one per series, the legend on the right. */
public final class SvgLineChart {

    private static final double SIZE = 220;

    private SvgLineChart() {
    }

    /** @return the chart; each point of a series is {x, y} */
    public static String render(String title, String xName, String yName, List<SvgSeries> series) {
        SvgUnitPlot plot = new SvgUnitPlot(SvgUnitPlot.MARGIN + 4, 34, SIZE);
        List<String> names = series.stream().map(SvgSeries::name).toList();
        double legendX = plot.left() + SIZE + 14;
        double legendW = 24 + SvgCanvas.CHAR_WIDTH * names.stream().mapToInt(String::length).max().orElse(0);
        SvgCanvas svg = new SvgCanvas(legendX + legendW, plot.top() + SIZE + 44, title);
        plot.drawAxes(svg, xName, yName);
        for (SvgSeries s : series) {
            List<double[]> sorted = new ArrayList<>(s.points());
            sorted.sort(Comparator.comparingDouble(p -> p[0]));
            svg.polyline(sorted.stream().map(p -> new double[] {plot.x(p[0]), plot.y(p[1])}).toList(), s.colour());
            for (double[] p : sorted) {
                svg.circle(plot.x(p[0]), plot.y(p[1]), 2.5, s.colour(),
                        s.name() + ": " + xName + " " + fixed(p[0], 2) + ", " + yName + " " + fixed(p[1], 3));
            }
        }
        svg.legend(legendX, plot.top(), names, series.stream().map(SvgSeries::colour).toList(), true);
        return svg.close();
    }
}
