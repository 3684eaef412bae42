package dlbugs.charts;

import java.util.List;

/**
 * One model's data in a chart, drawn in that model's colour.
 *
 * @param name   the model
 * @param colour its CSS colour
 * @param points one {@code double[]} per datum: a bar chart's {value}, a line chart's {x, y}
 */
public record SvgSeries(String name, String colour, List<double[]> points) {

    public SvgSeries {
        points = List.copyOf(points);
    }
}
