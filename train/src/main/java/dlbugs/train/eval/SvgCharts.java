package dlbugs.train.eval;

import java.util.List;
import java.util.Locale;

/**
 * Small inline-SVG charts for the evaluation page: grouped horizontal bars, a heat map, a
 * reliability diagram and line charts. Everything is drawn in user units; text is escaped.
 */
final class SvgCharts {

    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};

    private SvgCharts() {
    }

    /** A horizontal bar group per row label, one bar per series, values in [0, 1]. */
    static String groupedBars(String title, List<String> rows, List<String> series, double[][] values) {
        int barH = 9;
        int groupH = barH * series.size() + 8;
        int left = 230;
        int width = 640;
        int plotW = width - left - 50;
        int height = 44 + rows.size() * groupH + 30;
        StringBuilder s = open(width, height, title);
        legend(s, 8, 24, series);
        axisX(s, left, plotW, 40 + rows.size() * groupH);
        for (int r = 0; r < rows.size(); r++) {
            int y0 = 44 + r * groupH;
            text(s, left - 6, y0 + groupH / 2 + 4, "end", 11, rows.get(r));
            for (int k = 0; k < series.size(); k++) {
                double v = values[k][r];
                s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='%d' fill='%s'><title>%s: %.3f</title></rect>",
                        left, y0 + k * barH, Math.max(0, v) * plotW, barH - 1, COLOURS[k % COLOURS.length],
                        HtmlReport.escape(series.get(k)), v));
            }
        }
        return s.append("</svg>").toString();
    }

    /** A heat map of counts, shaded by row share; rows truth, columns answer. */
    static String heatMap(String title, List<String> labels, int[][] matrix) {
        int cell = 30;
        int left = 200;
        int top = 150;
        int size = labels.size() * cell;
        StringBuilder s = open(left + size + 20, top + size + 20, title);
        text(s, left + size / 2, top - 128, "middle", 11, "answer");
        for (int c = 0; c < labels.size(); c++) {
            int x = left + c * cell + cell / 2 + 4;
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='10' transform='rotate(-60 %d %d)'>%s</text>",
                    x, top - 6, x, top - 6, HtmlReport.escape(shorten(labels.get(c)))));
        }
        for (int r = 0; r < labels.size(); r++) {
            int rowSum = 0;
            for (int v : matrix[r]) {
                rowSum += v;
            }
            text(s, left - 6, top + r * cell + cell / 2 + 4, "end", 10, shorten(labels.get(r)) + " (" + rowSum + ")");
            for (int c = 0; c < labels.size(); c++) {
                double share = rowSum == 0 ? 0 : (double) matrix[r][c] / rowSum;
                s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='rgb(%d,%d,%d)' stroke='#ddd'/>",
                        left + c * cell, top + r * cell, cell, cell, (int) (255 - 200 * share), (int) (255 - 140 * share), 255));
                if (matrix[r][c] > 0) {
                    text(s, left + c * cell + cell / 2, top + r * cell + cell / 2 + 4, "middle", 10,
                            Integer.toString(matrix[r][c]));
                }
            }
        }
        return s.append("</svg>").toString();
    }

    /** Bars of accuracy per confidence bin against the diagonal of perfect calibration. */
    static String reliability(String title, double[][] bins) {
        int left = 50;
        int size = 220;
        StringBuilder s = open(left + size + 20, size + 70, title);
        frame(s, left, 30, size, "confidence", "accuracy");
        for (double[] b : bins) {      // low, high, count, confidence, accuracy
            if (b[2] == 0) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' opacity='0.8'><title>%d units, confidence %.2f, accuracy %.2f</title></rect>",
                    left + b[0] * size, 30 + (1 - b[4]) * size, (b[1] - b[0]) * size - 1, b[4] * size, COLOURS[0],
                    (int) b[2], b[3], b[4]));
        }
        s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#888' stroke-dasharray='4'/>",
                left, 30 + size, left + size, 30));
        return s.append("</svg>").toString();
    }

    /** One polyline per series of (x, y) points in [0, 1]². */
    static String lines(String title, String xLabel, String yLabel, List<String> series, List<double[][]> points) {
        int left = 50;
        int size = 220;
        StringBuilder s = open(left + size + 150, size + 70, title);
        frame(s, left, 30, size, xLabel, yLabel);
        for (int k = 0; k < series.size(); k++) {
            StringBuilder path = new StringBuilder();
            for (double[] p : points.get(k)) {
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + p[0] * size, 30 + (1 - p[1]) * size));
            }
            String colour = COLOURS[k % COLOURS.length];
            s.append("<polyline fill='none' stroke-width='2' stroke='").append(colour).append("' points='")
                    .append(path).append("'/>");
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='10' height='10' fill='%s'/>",
                    left + size + 15, 35 + 16 * k, colour));
            text(s, left + size + 30, 44 + 16 * k, "start", 11, series.get(k));
        }
        return s.append("</svg>").toString();
    }

    private static void legend(StringBuilder s, int x, int y, List<String> series) {
        int at = x;
        for (int k = 0; k < series.size(); k++) {
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='10' height='10' fill='%s'/>",
                    at, y, COLOURS[k % COLOURS.length]));
            text(s, at + 14, y + 9, "start", 11, series.get(k));
            at += 24 + 7 * series.get(k).length();
        }
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' font-family='sans-serif'>",
                width, height, width, height));
        text(s, 4, 16, "start", 13, title);
        return s;
    }

    private static void axisX(StringBuilder s, int left, int plotW, int y) {
        for (int t = 0; t <= 4; t++) {
            double x = left + plotW * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='34' x2='%.1f' y2='%d' stroke='#eee'/>", x, x, y));
            text(s, (int) x, y + 14, "middle", 10, String.format(Locale.ROOT, "%.2f", t / 4.0));
        }
    }

    private static void frame(StringBuilder s, int left, int top, int size, String xLabel, String yLabel) {
        s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>",
                left, top, size, size));
        for (int t = 0; t <= 4; t++) {
            double f = t / 4.0;
            text(s, (int) (left + f * size), top + size + 14, "middle", 10, String.format(Locale.ROOT, "%.2f", f));
            text(s, left - 4, (int) (top + (1 - f) * size) + 4, "end", 10, String.format(Locale.ROOT, "%.2f", f));
        }
        text(s, left + size / 2, top + size + 30, "middle", 11, xLabel);
        s.append(String.format(Locale.ROOT, "<text x='12' y='%d' font-size='11' transform='rotate(-90 12 %d)' text-anchor='middle'>%s</text>",
                top + size / 2, top + size / 2, HtmlReport.escape(yLabel)));
    }

    private static void text(StringBuilder s, int x, int y, String anchor, int size, String content) {
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='%d' text-anchor='%s'>%s</text>",
                x, y, size, anchor, HtmlReport.escape(content)));
    }

    private static String shorten(String label) {
        return label.length() <= 26 ? label : label.substring(0, 25) + "…";
    }
}
