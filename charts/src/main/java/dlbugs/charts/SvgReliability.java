package dlbugs.charts;

import java.util.List;

import static dlbugs.charts.SvgText.fixed;

/**
 * A reliability diagram (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017): per
 * confidence bin a bar as high as the accuracy of its units and a dot at their mean confidence,
 * the bin's count in a row under the axis; a calibrated model's dots lie on the dashed diagonal.
 */
public final class SvgReliability {

    private static final double SIZE = 220;

    /**
     * One confidence bin.
     *
     * @param low        bin start
     * @param high       bin end
     * @param count      units in the bin
     * @param confidence their mean confidence
     * @param accuracy   share of them answered right
     */
    public record Bin(double low, double high, int count, double confidence, double accuracy) {
    }

    private SvgReliability() {
    }

    /** @return the diagram, bars in {@code colour} */
    public static String render(String title, String colour, List<Bin> bins) {
        SvgUnitPlot plot = new SvgUnitPlot(SvgUnitPlot.MARGIN + 4, 34, SIZE);
        SvgCanvas svg = new SvgCanvas(plot.left() + SIZE + 14, plot.top() + SIZE + 56, title);
        plot.drawGrid(svg);
        plot.nameAxes(svg, "mean confidence", "accuracy", 44);
        svg.text(plot.left() - 5, plot.y(0) + 27, "end", 9, "#666", "n");
        for (Bin b : bins) {
            if (b.count() == 0) {
                continue;
            }
            double x0 = plot.x(b.low());
            double x1 = plot.x(b.high());
            double top = plot.y(b.accuracy());
            String tip = b.count() + " units with confidence " + fixed(b.low(), 1) + "–" + fixed(b.high(), 1)
                    + ": mean confidence " + fixed(b.confidence(), 2) + ", accuracy " + fixed(b.accuracy(), 2);
            // translucent, so the diagonal drawn over the bars stays visible
            svg.rect(x0 + 1, top, x1 - x0 - 2, plot.y(0) - top, colour + "99", null, tip);
            svg.text((x0 + x1) / 2, plot.y(0) + 27, "middle", 9, "#666", Integer.toString(b.count()));
        }
        svg.line(plot.x(0), plot.y(0), plot.x(1), plot.y(1), "#333", true);
        for (Bin b : bins) {
            if (b.count() > 0) {
                svg.circle(plot.x(b.confidence()), plot.y(b.accuracy()), 3, "#111", b.count() + " units: mean confidence "
                        + fixed(b.confidence(), 2) + ", accuracy " + fixed(b.accuracy(), 2));
            }
        }
        return svg.close();
    }
}
