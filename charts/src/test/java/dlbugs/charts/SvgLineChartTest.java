package dlbugs.charts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgLineChartTest {

    @Test
    void each_series_is_one_line_through_its_points_in_x_order_with_a_marker_per_point() {
        Svg svg = Svg.parse(SvgLineChart.render("Coverage", "coverage", "accuracy", List.of(
                new SvgSeries("dlbugs", "#4e79a7", List.of(new double[]{1.0, 0.6}, new double[]{0.2, 0.9}, new double[]{0.5, 0.8})),
                new SvgSeries("majority", "#999999", List.of(new double[]{1.0, 0.4})))));

        assertThat(svg.all("polyline")).hasSize(2);
        double[] xs = Arrays.stream(svg.all("polyline").get(0).getAttribute("points").strip().split(" "))
                .mapToDouble(p -> Double.parseDouble(p.split(",")[0])).toArray();
        assertThat(xs).isSorted().hasSize(3);
        assertThat(svg.withTooltip("circle", "dlbugs: coverage 0.20, accuracy 0.900")).hasSize(1);
        assertThat(svg.texts()).contains("dlbugs", "majority", "coverage", "accuracy");
    }

    @Test
    void values_outside_the_unit_square_stay_on_its_edge() {
        Svg svg = Svg.parse(SvgLineChart.render("t", "x", "y", List.of(
                new SvgSeries("s", "#000", List.of(new double[]{-1, 2}, new double[]{Double.NaN, 0.5})))));

        SvgUnitPlot plot = new SvgUnitPlot(SvgUnitPlot.MARGIN + 4, 34, 220);
        assertThat(svg.all("circle")).allSatisfy(c -> {
            assertThat(Svg.number(c, "cx")).isBetween(plot.x(0), plot.x(1));
            assertThat(Svg.number(c, "cy")).isBetween(plot.y(1), plot.y(0));
        });
    }
}
