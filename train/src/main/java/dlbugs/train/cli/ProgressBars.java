package dlbugs.train.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** The house style of every progress bar: plain ASCII on a console stream, with ETA. */
final class ProgressBars {

    private ProgressBars() {
    }

    /** @return a builder for a bar named {@code task} counting to {@code max}; add a unit or speed, then build */
    static ProgressBarBuilder on(PrintStream out, String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out));
    }
}
