package dlbugs.charts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgHeatMapTest {

    private static final List<String> LABELS = List.of("Crash", "Hang", "Unknown");
    private static final int[][] MATRIX = {{8, 2, 0}, {1, 1, 0}, {0, 0, 0}};

    @Test
    void each_cell_is_shaded_by_its_share_of_the_row_and_shows_its_count() {
        Svg svg = Svg.parse(SvgHeatMap.render("Effect: confusion", LABELS, MATRIX));

        Element crashAsCrash = svg.withTooltip("rect", "truth Crash, predicted Crash").get(0);
        Element hangAsCrash = svg.withTooltip("rect", "truth Hang, predicted Crash").get(0);
        Element hangAsHang = svg.withTooltip("rect", "truth Hang, predicted Hang").get(0);
        assertThat(Svg.tooltip(crashAsCrash)).endsWith(": 8 (80% of the row)");
        assertThat(Svg.tooltip(hangAsCrash)).endsWith(": 1 (50% of the row)");
        assertThat(hangAsCrash.getAttribute("fill")).as("equal shares, equal shades").isEqualTo(hangAsHang.getAttribute("fill"));
        assertThat(crashAsCrash.getAttribute("fill")).isNotEqualTo(hangAsCrash.getAttribute("fill"));
        assertThat(svg.withTooltip("rect", "truth Unknown, predicted Unknown").get(0).getAttribute("fill"))
                .as("an empty row is white").isEqualTo("rgb(255,255,255)");
        assertThat(svg.texts()).contains("8", "2", "Crash (10)", "Hang (2)", "Unknown (0)").doesNotContain("0");
    }

    @Test
    void a_matrix_smaller_than_its_labels_counts_the_missing_cells_as_zero() {
        Svg svg = Svg.parse(SvgHeatMap.render("t", LABELS, new int[][]{{3}}));

        assertThat(Svg.tooltip(svg.withTooltip("rect", "truth Hang, predicted Unknown").get(0))).endsWith(": 0 (0% of the row)");
    }
}
