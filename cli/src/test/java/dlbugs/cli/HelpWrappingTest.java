package dlbugs.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} wraps its lines between words, never inside a path, a URL or a pattern. */
class HelpWrappingTest {

    /** Longer than any column of an 80-character help: such a word cannot but be cut. */
    private static final int LONGEST_FITTING = 45;

    @Test
    void help_lines_break_only_between_words() {
        List<CommandLine> commands = new ArrayList<>();
        collect(DlbugsCommand.commandLine(), commands);
        assertThat(commands).hasSizeGreaterThan(8);
        for (CommandLine command : commands) {
            Set<String> words = words(usage(command, 1000));
            for (String piece : words(usage(command, 80))) {
                assertThat(words.contains(piece) || words.stream().anyMatch(w -> w.length() > LONGEST_FITTING && w.contains(piece)))
                        .as("'%s' of %s --help is a whole word", piece, command.getCommandSpec().qualifiedName()).isTrue();
            }
        }
    }

    @Test
    void the_paths_of_the_issue_stay_whole() {
        CommandLine cl = DlbugsCommand.commandLine();
        assertThat(usage(cl.getSubcommands().get("train"), 80)).contains("models/dlbugs-default.bundle");
        assertThat(usage(cl.getSubcommands().get("triage"), 80)).contains("https://HOST/api/v3");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().filter(c -> !into.contains(c)).forEach(c -> collect(c, into));
    }

    private static String usage(CommandLine command, int width) {
        command.setUsageHelpWidth(width);
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
