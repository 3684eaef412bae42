package dlbugs.charts;

import java.util.Locale;

/** Escaping and number formatting for the charts and the pages around them; their labels come from data. */
public final class SvgText {

    private SvgText() {
    }

    /** @return text safe inside HTML and SVG elements and quoted attributes */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** @return {@code v} with {@code digits} decimals, independent of the default locale */
    public static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** @return {@code s} cut to {@code max} characters, an ellipsis marking the cut */
    public static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
