package dlbugs.charts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SvgBarChartTest {

    private static final List<String> ROWS = List.of("Crash", "Hang", "Bad <Performance> & \"more\"");

    private static String chart() {
        return SvgBarChart.render("Effect: share", "share", ROWS, List.of(
                new SvgSeries("keras", "#4e79a7", List.of(new double[]{0.5}, new double[]{0.0}, new double[]{0.25})),
                new SvgSeries("torch", "#f28e2b", List.of(new double[]{1.0}, new double[]{Double.NaN}))));
    }

    @Test
    void bars_are_as_long_as_their_values_and_a_zero_is_a_bar_of_no_width() {
        Svg svg = Svg.parse(chart());

        double half = Svg.number(svg.withTooltip("rect", "keras — Crash").get(0), "width");
        double full = Svg.number(svg.withTooltip("rect", "torch — Crash").get(0), "width");
        double quarter = Svg.number(svg.withTooltip("rect", "keras — Bad").get(0), "width");
        assertThat(full).isEqualTo(2 * half, within(0.2));
        assertThat(quarter).isEqualTo(half / 2, within(0.2));
        assertThat(Svg.number(svg.withTooltip("rect", "keras — Hang").get(0), "width")).isZero();
        assertThat(svg.texts()).contains("0.50", "1.00", "0.00", "0.25");
    }

    @Test
    void a_missing_value_draws_no_bar_and_no_number() {
        Svg svg = Svg.parse(chart());

        assertThat(svg.withTooltip("rect", "torch — Hang")).isEmpty();
        assertThat(svg.withTooltip("rect", "torch — Bad")).as("a series shorter than the rows").isEmpty();
        assertThat(svg.texts()).doesNotContain("NaN");
    }

    @Test
    void labels_from_data_are_escaped_and_the_chart_names_its_series() {
        Svg svg = Svg.parse(chart());

        assertThat(svg.texts()).contains("Effect: share", "keras", "torch", "Bad <Performance> & \"more\"", "share");
        assertThat(svg.root().getAttribute("role")).isEqualTo("img");
        assertThat(Svg.tooltip(svg.root())).isEqualTo("Effect: share");
    }

    @Test
    void long_labels_are_shortened_with_their_whole_text_kept_in_the_bars_tooltip() {
        String label = "SB.Control and Sequence Bug inside a very long model definition";
        Svg svg = Svg.parse(SvgBarChart.render("t", "share", List.of(label),
                List.of(new SvgSeries("all", "#000", List.of(new double[]{0.3})))));

        assertThat(svg.texts()).contains(label.substring(0, 39) + "…");
        List<Element> bars = svg.withTooltip("rect", label);
        assertThat(bars).hasSize(1);
    }
}
