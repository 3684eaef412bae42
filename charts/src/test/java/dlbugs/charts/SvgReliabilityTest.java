package dlbugs.charts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SvgReliabilityTest {

    @Test
    void a_bar_per_bin_with_units_as_high_as_its_accuracy_and_a_dot_at_its_confidence() {
        Svg svg = Svg.parse(SvgReliability.render("Root cause: reliability", "#4e79a7", List.of(
                new SvgReliability.Bin(0.0, 0.1, 0, 0, 0),
                new SvgReliability.Bin(0.4, 0.5, 10, 0.45, 0.5),
                new SvgReliability.Bin(0.9, 1.0, 20, 0.95, 1.0))));

        assertThat(svg.withTooltip("rect", "units with confidence")).hasSize(2);
        double half = Svg.number(svg.withTooltip("rect", "10 units").get(0), "height");
        double full = Svg.number(svg.withTooltip("rect", "20 units").get(0), "height");
        assertThat(full).isEqualTo(2 * half, within(0.2));
        assertThat(svg.withTooltip("circle", "mean confidence")).hasSize(2);
        assertThat(svg.all("line")).anyMatch(l -> "4 3".equals(l.getAttribute("stroke-dasharray")));
        assertThat(svg.texts()).contains("10", "20", "mean confidence", "accuracy").doesNotContain("0 units");
    }
}
