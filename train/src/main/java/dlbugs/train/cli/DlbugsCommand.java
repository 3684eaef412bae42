package dlbugs.train.cli;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.train.fetch.FetchException;
import dlbugs.train.repo.RepoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;

/**
 * The {@code dlbugs} command: classifies deep-learning bug reports in the taxonomy of Islam et
 * al. (ESEC/FSE 2019). Failures map to exit codes in one place ({@link #exitCode(Throwable)}):
 * 2 bad usage, 65 bad input data or bundle, 74 unreadable corpus or file, 1 anything else.
 */
@Command(name = "dlbugs", mixinStandardHelpOptions = true, version = "dlbugs 0.1.0",
        description = "Classifies deep-learning bug reports: bug type, root cause, effect, stage, fix pattern.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ClassifyCommand.class, CorpusCommand.class,
                LabelRepoCommand.class, DatasetsCommand.class,
                CommandLine.HelpCommand.class})
public class DlbugsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: train, evaluate, classify, label-repo or corpus");
    }

    /** @return a command line with dlbugs' error handling installed */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DlbugsCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("dlbugs: " + message(ex));
            line.getErr().flush();
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("dlbugs: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof BundleFormatException || ex instanceof IllegalArgumentException
                || ex instanceof RepoException || ex instanceof FetchException) {
            return 65;
        }
        if (ex instanceof CorpusFormatException || ex instanceof IOException) {
            return 74;
        }
        return 1;
    }

    private static String message(Throwable ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
