package dlbugs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dlbugs corrections}: what people said the right labels are. Corrections arrive through
 * the page, {@code POST /corrections}, {@code corrections import} and GitHub; a reviewer accepts or
 * rejects them here (or over HTTP), and {@code train --corrections} learns from the accepted ones.
 */
@Command(name = "corrections", mixinStandardHelpOptions = true,
        description = "List, show, review, export and import corrections of dlbugs' answers.",
        subcommands = {CorrectionsListCommand.class, CorrectionsShowCommand.class, CorrectionsReviewCommand.Accept.class,
                CorrectionsReviewCommand.Reject.class, CorrectionsExportCommand.class, CorrectionsImportCommand.class})
public class CorrectionsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
