package dlbugs.train.eval;

import dlbugs.charts.SvgText;
import com.fasterxml.jackson.databind.JsonNode;

/** Escaping and number formatting for the evaluation page; its labels come from data. */
public final class HtmlReportText {

    /** Shown where a value is absent. */
    static final String MISSING = "–";

    private HtmlReportText() {
    }

    /** @return text safe inside HTML and SVG elements and quoted attributes */
    public static String escape(String s) {
        return SvgText.escape(s);
    }

    /** @return {@code v} with {@code digits} decimals, independent of the default locale */
    static String fixed(double v, int digits) {
        return SvgText.fixed(v, digits);
    }

    /** @return the number in {@code node} with {@code digits} decimals, or {@link #MISSING} */
    static String number(JsonNode node, int digits) {
        return node.isNumber() ? fixed(node.asDouble(), digits) : MISSING;
    }

    /** @return {@code s} cut to {@code max} characters, an ellipsis marking the cut */
    static String shorten(String s, int max) {
        return SvgText.shorten(s, max);
    }
}
