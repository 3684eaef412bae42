package dlbugs.charts;

import static dlbugs.charts.SvgText.fixed;

/**
 * The square plot area of a chart whose axes both run from 0 to 1, placed at ({@code left},
 * {@code top}) with side {@code size}: maps data to user units and draws grid, ticks and axis names.
 *
 * @param left left edge of the plot area
 * @param top  top edge of the plot area
 * @param size side of the plot area
 */
record SvgUnitPlot(double left, double top, double size) {

    /** Space a chart leaves left of and below the plot area for tick labels and axis names. */
    static final double MARGIN = 48;

    /** @return user x of data value {@code v} in [0, 1] */
    double x(double v) {
        return left + clamp(v) * size;
    }

    /** @return user y of data value {@code v} in [0, 1] */
    double y(double v) {
        return top + (1 - clamp(v)) * size;
    }

    /** Draws the grid with ticks every 0.2 and the axis names. */
    void drawAxes(SvgCanvas svg, String xName, String yName) {
        drawGrid(svg);
        nameAxes(svg, xName, yName, 32);
    }

    /** Draws the frame and a grid line and tick label every 0.2 on both axes. */
    void drawGrid(SvgCanvas svg) {
        for (int t = 0; t <= 5; t++) {
            double v = t / 5.0;
            svg.line(x(v), top, x(v), top + size, "#eee", false).line(left, y(v), left + size, y(v), "#eee", false);
            svg.text(x(v), top + size + 14, "middle", 10, "#444", fixed(v, 1));
            svg.text(left - 5, y(v) + 3.5, "end", 10, "#444", fixed(v, 1));
        }
        svg.rect(left, top, size, size, "none", "#999", null);
    }

    /** Writes the x axis name {@code below} units under the plot and the y axis name turned on its left. */
    void nameAxes(SvgCanvas svg, String xName, String yName, double below) {
        svg.text(left + size / 2, top + size + below, "middle", 11, "#222", xName);
        svg.rotatedText(12, top + size / 2 + 3.2 * yName.length(), -90, 11, yName, yName);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
