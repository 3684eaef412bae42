package dlbugs.cli;

import dlbugs.model.testing.DocPages;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synopses of the docs and the commands' {@code --help} agree: the page a command is
 * documented on names every option it has, and no page names an option it does not have.
 */
class DocsSynopsisTest {

    /** Where each command is documented (its page's synopsis is the full one). */
    private static final Map<String, String> HOME = Map.ofEntries(
            Map.entry("corpus", "docs/cli.md"),
            Map.entry("train", "docs/cli.md"),
            Map.entry("evaluate", "docs/cli.md"),
            Map.entry("classify", "docs/cli.md"),
            Map.entry("datasets fetch", "docs/cli.md"),
            Map.entry("label-repo", "docs/label-repos.md"),
            Map.entry("label-repos", "docs/label-repos.md"),
            Map.entry("triage", "docs/triage.md"),
            Map.entry("corrections list", "docs/corrections.md"),
            Map.entry("corrections show", "docs/corrections.md"),
            Map.entry("corrections accept", "docs/corrections.md"),
            Map.entry("corrections reject", "docs/corrections.md"),
            Map.entry("corrections export", "docs/corrections.md"),
            Map.entry("corrections import", "docs/corrections.md"));

    @Test
    void every_command_has_a_home_page() {
        assertThat(leaves(DlbugsCommand.commandLine().getCommandSpec()).stream().map(DocsSynopsisTest::name))
                .containsExactlyInAnyOrderElementsOf(HOME.keySet());
    }

    @Test
    void each_command_s_page_names_every_option_its_help_lists() {
        for (CommandSpec command : leaves(DlbugsCommand.commandLine().getCommandSpec())) {
            List<String> synopses = DocPages.synopses(DocPages.read(HOME.get(name(command))), name(command));
            assertThat(synopses).as("a synopsis of %s in %s", name(command), HOME.get(name(command))).isNotEmpty();
            Set<String> named = DocPages.options(String.join(" ", synopses));
            assertThat(listed(command)).as("options of %s missing from the synopsis of %s", name(command), HOME.get(name(command)))
                    .allSatisfy(names -> assertThat(named).as(String.join("|", names)).containsAnyElementsOf(names));
        }
    }

    @Test
    void no_page_names_an_option_a_command_does_not_have() {
        for (Map.Entry<String, String> page : DocPages.all().entrySet()) {
            for (CommandSpec command : leaves(DlbugsCommand.commandLine().getCommandSpec())) {
                Set<String> named = DocPages.options(String.join(" ", DocPages.synopses(page.getValue(), name(command))));
                assertThat(allNames(command)).as("options of %s named in %s", name(command), page.getKey())
                        .containsAll(named);
            }
        }
    }

    static List<CommandSpec> leaves(CommandSpec spec) {
        List<CommandSpec> leaves = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.userObject() instanceof CommandLine.HelpCommand || leaves.contains(s)) {
                continue;
            }
            if (s.subcommands().isEmpty()) {
                leaves.add(s);
            } else {
                leaves.addAll(leaves(s));
            }
        }
        return leaves;
    }

    /** @return the command as typed after {@code dlbugs}, e.g. {@code datasets fetch} */
    static String name(CommandSpec command) {
        return command.qualifiedName(" ").substring("dlbugs ".length());
    }

    /** @return each option's names (a synopsis may give any of them), as {@code --help} lists them, without help and version */
    static List<List<String>> listed(CommandSpec command) {
        List<List<String>> options = new ArrayList<>();
        for (OptionSpec o : command.options()) {
            if (!o.usageHelp() && !o.versionHelp() && !o.hidden()) {
                options.add(List.of(o.names()));
            }
        }
        return options;
    }

    private static Set<String> allNames(CommandSpec command) {
        Set<String> names = new TreeSet<>();
        command.options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }
}
