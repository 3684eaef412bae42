package dlbugs.cli;

import dlbugs.corrections.CorrectionsUnavailableException;
import dlbugs.corrections.NoSuchCorrectionException;
import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.datasets.FetchException;
import dlbugs.label.cli.LabelReposCommand;
import dlbugs.label.repo.RepoException;
import dlbugs.triage.GitHubException;
import dlbugs.triage.RateLimitedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dlbugs} command: classifies deep-learning bug reports in the taxonomy of Islam et
 * al. (ESEC/FSE 2019). Failures map to exit codes in one place ({@link #exitCode(Throwable)}):
 * 2 bad usage, 65 bad input data or bundle (or no such correction), 74 unreadable corpus, file or
 * corrections database, 69 GitHub refused or
 * could not be reached, 75 GitHub's rate limit stopped the run (re-run later), 1 anything else.
 */
@Command(name = "dlbugs", mixinStandardHelpOptions = true, version = "dlbugs 0.1.0",
        description = "Classifies deep-learning bug reports: bug type, root cause, effect, stage, fix pattern.",
        footer = {"", "  serve       The HTTP service and its page: bin/dlbugs serve --help"},
        subcommands = {TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, CorpusCommand.class,
                LabelRepoCommand.class, LabelReposCommand.class, TriageCommand.class, DatasetsCommand.class,
                CorrectionsCommand.class, CommandLine.HelpCommand.class})
public class DlbugsCommand implements Runnable {

    /** The service is its own program (the serve module); the launcher runs it as {@code dlbugs serve}. */
    static final String SERVE = "serve";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of "
                + String.join(", ", commands(spec.commandLine())));
    }

    /** @return the commands a command line takes, as a user types them (the top level's include serve) */
    private static List<String> commands(CommandLine line) {
        List<String> commands = new ArrayList<>(line.getSubcommands().keySet());
        commands.remove("help");
        if (line.getParent() == null) {
            commands.add(SERVE);
        }
        return commands;
    }

    /** @return a command line with dlbugs' error handling installed */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** As {@link #commandLine()}, with commands made by {@code factory} (a test's, to give them another environment). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new DlbugsCommand(), factory);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("dlbugs: " + message(ex));
            line.getErr().flush();
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("dlbugs: " + usageMessage(ex)
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cl.setHelpFactory(WholeWordHelp::new);
        return cl;
    }

    /** A word where a command was expected is named as such, with the commands; other usage errors as picocli words them. */
    private static String usageMessage(CommandLine.ParameterException ex) {
        CommandLine line = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !line.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "'" + u.getUnmatched().get(0) + "' is not a " + line.getCommandSpec().qualifiedName() + " command; the commands are "
                    + String.join(", ", commands(line));
        }
        return ex.getMessage();
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof RateLimitedException) {
            return 75;
        }
        if (ex instanceof GitHubException) {
            return 69;
        }
        if (ex instanceof BundleFormatException || ex instanceof IllegalArgumentException
                || ex instanceof RepoException || ex instanceof FetchException || ex instanceof NoSuchCorrectionException) {
            return 65;
        }
        if (ex instanceof CorpusFormatException || ex instanceof IOException || ex instanceof CorrectionsUnavailableException) {
            return 74;
        }
        return 1;
    }

    /** The failure in words: a file problem names the file and what is wrong with it, never a class name. */
    static String message(Throwable ex) {
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof FileSystemException e) {
            return e.getFile() + ": " + (e.getReason() == null ? "cannot be read or written" : e.getReason());
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory; give the JVM more with DLBUGS_JAVA_OPTS=-Xmx4g";
        }
        return ex.getMessage() == null || ex.getMessage().isBlank() ? "unexpected failure (no details)" : ex.getMessage();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
