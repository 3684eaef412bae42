package dlbugs.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's set-up and CI agree: a user who installs what the README names can run the test
 * command that CI runs, and CI installs nothing the README does not name.
 */
class SetupDocsTest {

    private static final Path ROOT = Path.of(System.getProperty("dlbugs.root"));

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    private static Set<String> words(Matcher m, String what) {
        assertThat(m.find()).as(what).isTrue();
        return new TreeSet<>(Arrays.asList(m.group(1).strip().split("\\s+")));
    }

    @Test
    void the_readme_install_line_names_exactly_the_packages_ci_installs() throws IOException {
        Set<String> readme = words(Pattern.compile("apt-get install -y ([a-z0-9 .+-]+)\\n").matcher(read("README.md")),
                "README has an apt-get install line");
        Set<String> ci = words(Pattern.compile("packages=\"([^\"]+)\"").matcher(read(".ci/run")), ".ci/run lists its packages");
        assertThat(readme).isEqualTo(ci).contains("fasttext", "chromium", "chromium-driver", "maven");
    }

    @Test
    void ci_runs_the_readme_test_command() throws IOException {
        String command = "mvn -B test";
        assertThat(read("README.md")).contains("\n" + command + " ");
        assertThat(read(".ci/run").lines()).anyMatch(l -> l.startsWith(command));
    }
}
