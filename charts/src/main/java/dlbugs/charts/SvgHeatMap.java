package dlbugs.charts;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static dlbugs.charts.SvgText.fixed;
import static dlbugs.charts.SvgText.shorten;

/**
 * A confusion matrix as a heat map: rows truth, columns predicted, each cell shaded by its share of
 * the row (so rare classes read as well as common ones) with the count printed in it. Column
 * labels are turned and shortened so fifteen labels stay legible; the full label is the tooltip.
 */
public final class SvgHeatMap {

    private static final double TURN = 55;
    private static final int ROW_CHARS = 30;
    private static final int COLUMN_CHARS = 22;

    private SvgHeatMap() {
    }

    /** @return the heat map of {@code matrix}, whose rows and columns follow {@code labels} */
    public static String render(String title, List<String> labels, int[][] matrix) {
        int n = labels.size();
        int cell = n > 10 ? 30 : 36;
        int[] rowSums = Arrays.stream(matrix).mapToInt(r -> Arrays.stream(r).sum()).toArray();
        double left = 12 + SvgCanvas.CHAR_WIDTH * 0.95 * rowLabels(labels, rowSums).stream().mapToInt(String::length).max().orElse(0);
        double columnText = 0.9 * SvgCanvas.CHAR_WIDTH * labels.stream().mapToInt(l -> shorten(l, COLUMN_CHARS).length()).max().orElse(0);
        double top = 50 + columnText * Math.sin(Math.toRadians(TURN));
        double width = Math.max(left + n * cell + columnText * Math.cos(Math.toRadians(TURN)) + 12, 330);
        SvgCanvas svg = new SvgCanvas(width, top + n * cell + 44, title);
        svg.text(left + n * cell / 2.0, 36, "middle", 11, "#222", "predicted →");
        svg.text(left - 6, top - 6, "end", 11, "#222", "truth (n) ↓");
        for (int c = 0; c < n; c++) {
            svg.rotatedText(left + c * cell + cell / 2.0 + 3, top - 5, -TURN, 10, shorten(labels.get(c), COLUMN_CHARS), labels.get(c));
        }
        List<String> rowLabels = rowLabels(labels, rowSums);
        for (int r = 0; r < n; r++) {
            svg.text(left - 6, top + r * cell + cell / 2.0 + 4, "end", 11, "#222", rowLabels.get(r));
            for (int c = 0; c < n; c++) {
                cell(svg, left + c * cell, top + r * cell, cell, count(matrix, r, c), rowSums.length > r ? rowSums[r] : 0,
                        "truth " + labels.get(r) + ", predicted " + labels.get(c));
            }
        }
        for (int d = 0; d < n; d++) {
            svg.rect(left + d * cell, top + d * cell, cell, cell, "none", "#333", null);
        }
        scale(svg, left, top + n * cell + 14);
        return svg.close();
    }

    private static void cell(SvgCanvas svg, double x, double y, int size, int count, int rowSum, String what) {
        double share = rowSum == 0 ? 0 : (double) count / rowSum;
        svg.rect(x, y, size, size, shade(share), "#ddd",
                what + ": " + count + " (" + fixed(100 * share, 0) + "% of the row)");
        if (count > 0) {
            svg.text(x + size / 2.0, y + size / 2.0 + 4, "middle", 10, share > 0.5 ? "#fff" : "#222", Integer.toString(count));
        }
    }

    private static void scale(SvgCanvas svg, double left, double y) {
        svg.text(left - 6, y + 10, "end", 10, "#444", "share of the row");
        for (int t = 0; t <= 4; t++) {
            svg.rect(left + t * 44, y, 44, 12, shade(t / 4.0), "#ccc", null);
            svg.text(left + t * 44 + 22, y + 24, "middle", 9, "#444", (25 * t) + "%");
        }
    }

    /** White to dark blue; linear in the share. */
    private static String shade(double share) {
        return "rgb(" + channel(255, 8, share) + "," + channel(255, 69, share) + "," + channel(255, 148, share) + ")";
    }

    private static int channel(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }

    private static List<String> rowLabels(List<String> labels, int[] rowSums) {
        return IntStream.range(0, labels.size())
                .mapToObj(r -> shorten(labels.get(r), ROW_CHARS) + " (" + (r < rowSums.length ? rowSums[r] : 0) + ")").toList();
    }

    private static int count(int[][] matrix, int r, int c) {
        return r < matrix.length && c < matrix[r].length ? matrix[r][c] : 0;
    }
}
