package dlbugs.charts;

import java.util.List;

import static dlbugs.charts.SvgText.escape;
import static dlbugs.charts.SvgText.fixed;

/**
 * Writes one inline SVG element in user units: a visible title, shapes with optional tooltips,
 * escaped text and legends. Each chart of the report draws on its own canvas.
 */
final class SvgCanvas {

    /** Rough advance of one character of the 11-unit sans-serif font, to size label margins. */
    static final double CHAR_WIDTH = 6.2;

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(double width, double height, String title) {
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' role='img' width='").append(fixed(width, 0))
                .append("' height='").append(fixed(height, 0)).append("' viewBox='0 0 ").append(fixed(width, 0))
                .append(' ').append(fixed(height, 0)).append("' font-family='sans-serif'><title>")
                .append(escape(title)).append("</title>");
        text(4, 16, "start", 13, "#111", title);
    }

    SvgCanvas text(double x, double y, String anchor, int size, String colour, String content) {
        svg.append("<text x='").append(fixed(x, 1)).append("' y='").append(fixed(y, 1)).append("' font-size='")
                .append(size).append("' fill='").append(colour).append("' text-anchor='").append(anchor).append("'>")
                .append(escape(content)).append("</text>");
        return this;
    }

    /** Text turned by {@code degrees} around its anchor point, with the unshortened text as tooltip. */
    SvgCanvas rotatedText(double x, double y, double degrees, int size, String content, String tooltip) {
        svg.append("<text x='").append(fixed(x, 1)).append("' y='").append(fixed(y, 1)).append("' font-size='")
                .append(size).append("' fill='#222' transform='rotate(").append(fixed(degrees, 0)).append(' ')
                .append(fixed(x, 1)).append(' ').append(fixed(y, 1)).append(")'><title>").append(escape(tooltip))
                .append("</title>").append(escape(content)).append("</text>");
        return this;
    }

    /** A rectangle; {@code stroke} and {@code tooltip} may be null. */
    SvgCanvas rect(double x, double y, double w, double h, String fill, String stroke, String tooltip) {
        svg.append("<rect x='").append(fixed(x, 1)).append("' y='").append(fixed(y, 1)).append("' width='")
                .append(fixed(Math.max(0, w), 1)).append("' height='").append(fixed(Math.max(0, h), 1))
                .append("' fill='").append(fill).append('\'');
        if (stroke != null) {
            svg.append(" stroke='").append(stroke).append('\'');
        }
        return tooltip == null ? raw("/>") : raw("><title>" + escape(tooltip) + "</title></rect>");
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, boolean dashed) {
        svg.append("<line x1='").append(fixed(x1, 1)).append("' y1='").append(fixed(y1, 1)).append("' x2='")
                .append(fixed(x2, 1)).append("' y2='").append(fixed(y2, 1)).append("' stroke='").append(stroke)
                .append(dashed ? "' stroke-dasharray='4 3'/>" : "'/>");
        return this;
    }

    SvgCanvas circle(double x, double y, double r, String fill, String tooltip) {
        svg.append("<circle cx='").append(fixed(x, 1)).append("' cy='").append(fixed(y, 1)).append("' r='")
                .append(fixed(r, 1)).append("' fill='").append(fill).append("'><title>").append(escape(tooltip))
                .append("</title></circle>");
        return this;
    }

    /** A line through {@code points} ({x, y} in user units). */
    SvgCanvas polyline(List<double[]> points, String stroke) {
        svg.append("<polyline fill='none' stroke-width='2' stroke='").append(stroke).append("' points='");
        points.forEach(p -> svg.append(fixed(p[0], 1)).append(',').append(fixed(p[1], 1)).append(' '));
        return raw("'/>");
    }

    /** Swatches and names in one row from ({@code x}, {@code y}), or one per line when {@code vertical}. */
    SvgCanvas legend(double x, double y, List<String> names, List<String> colours, boolean vertical) {
        double at = x;
        for (int k = 0; k < names.size(); k++) {
            double top = vertical ? y + 17 * k : y;
            rect(at, top, 11, 11, colours.get(k), null, null);
            text(at + 15, top + 10, "start", 11, "#222", names.get(k));
            at = vertical ? x : at + 26 + CHAR_WIDTH * names.get(k).length();
        }
        return this;
    }

    /** @return the width a legend row of {@code names} takes */
    static double legendWidth(List<String> names) {
        return names.stream().mapToDouble(n -> 26 + CHAR_WIDTH * n.length()).sum();
    }

    private SvgCanvas raw(String markup) {
        svg.append(markup);
        return this;
    }

    /** @return the finished SVG element */
    String close() {
        return svg.append("</svg>").toString();
    }
}
