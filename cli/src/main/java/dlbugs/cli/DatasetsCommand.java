package dlbugs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlbugs datasets}: commands about the corpus itself. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Get the corpus.",
        subcommands = {FetchCommand.class, CommandLine.HelpCommand.class})
public class DatasetsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: fetch");
    }
}
