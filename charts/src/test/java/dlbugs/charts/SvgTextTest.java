package dlbugs.charts;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SvgTextTest {

    @Test
    void escapes_everything_that_ends_an_element_or_an_attribute() {
        assertThat(SvgText.escape("a<b>&\"c\"'d'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    }

    @Test
    void numbers_print_with_a_dot_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(SvgText.fixed(0.125, 2)).isEqualTo("0.13");
            assertThat(SvgText.fixed(3, 0)).isEqualTo("3");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shortening_marks_the_cut_and_keeps_the_length() {
        assertThat(SvgText.shorten("abcdef", 4)).isEqualTo("abc…").hasSize(4);
        assertThat(SvgText.shorten("abc", 4)).isEqualTo("abc");
    }
}
