package dlbugs.serve;

import dlbugs.model.testing.DocPages;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/api.md names every option of {@code serve}, and no page names one it does not have. */
class ServeDocsTest {

    private static final CommandSpec SERVE = ServeMain.commandLine(new ServeMain((bundle, replicas) -> {
        throw new AssertionError("not started");
    }, Map.of())).getCommandSpec();

    @Test
    void the_api_page_s_synopsis_names_every_option_serve_help_lists() {
        List<String> synopses = DocPages.synopses(DocPages.read("docs/api.md"), "serve");
        Set<String> listed = new TreeSet<>();
        for (OptionSpec o : SERVE.options()) {
            if (!o.usageHelp() && !o.hidden()) {
                listed.add(o.longestName());
            }
        }
        assertThat(listed).isNotEmpty();
        assertThat(DocPages.options(String.join(" ", synopses))).containsAll(listed);
    }

    @Test
    void no_page_names_an_option_serve_does_not_have() {
        Set<String> names = new TreeSet<>();
        SERVE.options().forEach(o -> names.addAll(List.of(o.names())));
        DocPages.all().forEach((page, text) -> assertThat(names).as("serve's options named in %s", page)
                .containsAll(DocPages.options(String.join(" ", DocPages.synopses(text, "serve")))));
    }
}
