package dlbugs.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How the long commands show progress: a bar when standard error is a terminal, else a plain
 * line every {@code --progress-interval} seconds and a final one; nothing with {@code --no-progress}.
 */
public class ProgressOptions {

    @Option(names = "--no-progress", description = "Show no progress (a bar on a terminal, else a line now and then).")
    boolean noProgress;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Duration interval = Duration.ofSeconds(5);

    /** Whether standard error is a terminal; replaceable so a test can choose. */
    BooleanSupplier terminal = ProgressOptions::stderrIsTerminal;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "When standard error is not a terminal, seconds between two progress lines. Default: ${DEFAULT-VALUE}.")
    void interval(double seconds) {
        if (!(seconds >= 0 && seconds <= 86_400)) {
            throw new ParameterException(mixee.commandLine(),
                    "--progress-interval must be between 0 and 86400 seconds, got " + seconds);
        }
        interval = Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * @param task what the lines and the bar are called
     * @param max  steps in all (0 if unknown)
     * @param unit what a step is ("commits"), or ""
     * @return a meter the caller must close
     */
    ProgressMeter open(String task, long max, String unit) {
        return open(task, max, unit, System.nanoTime());
    }

    /**
     * As {@link #open(String, long, String)}, for a task that began before its steps could be
     * counted: its time and rate run from {@code startNanos} ({@link System#nanoTime()}), so they
     * agree with a summary timed from the same instant.
     */
    ProgressMeter open(String task, long max, String unit, long startNanos) {
        if (noProgress) {
            return ProgressMeter.NONE;
        }
        if (terminal.getAsBoolean()) {
            return new ProgressBarMeter(System.err, task, max, unit,
                    Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos)));
        }
        return new ProgressLineMeter(mixee.commandLine().getErr(), task, max, unit, interval, System::nanoTime, startNanos);
    }

    /**
     * @return true if standard error is a terminal: there is a console, and where Linux says what
     *         file descriptor 2 is, it is a tty ({@link System#console()} only looks at stdin and stdout)
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (!Files.isSymbolicLink(fd2)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }
}
