package dlbugs.cli;

import dlbugs.model.testing.DocPages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link of the README and docs/ reaches a file, and its #anchor a heading of that file. */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void every_relative_link_reaches_a_file_and_heading() {
        int links = 0;
        for (Map.Entry<String, String> page : DocPages.all().entrySet()) {
            Matcher m = LINK.matcher(page.getValue());
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                links++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? Path.of(page.getKey())
                        : Path.of(page.getKey()).resolveSibling(file).normalize();
                assertThat(DocPages.root().resolve(resolved)).as("%s links %s", page.getKey(), target).exists();
                if (target.contains("#")) {
                    String anchor = target.substring(target.indexOf('#') + 1);
                    assertThat(headings(DocPages.read(resolved.toString())))
                            .as("%s links %s", page.getKey(), target).contains("#" + anchor + "#");
                }
            }
        }
        assertThat(links).isGreaterThan(10);
    }

    /** GitHub's anchors of a page's headings (lower case, punctuation dropped, spaces to hyphens), each between #s. */
    private static String headings(String markdown) {
        StringBuilder anchors = new StringBuilder("#");
        boolean code = false;
        for (String line : markdown.split("\n")) {
            code ^= line.startsWith("```");
            if (!code && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.append(title.replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-')).append('#');
            }
        }
        return anchors.toString();
    }
}
