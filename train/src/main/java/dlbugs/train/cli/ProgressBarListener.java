package dlbugs.train.cli;

import dlbugs.train.training.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Draws one progress bar per training phase, with rate and ETA, and the epoch's loss. */
final class ProgressBarListener implements TrainingListener, AutoCloseable {

    private final PrintStream out;
    private ProgressBar bar;

    ProgressBarListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void phase(String name, int steps) {
        close();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(steps).setUnit(" epochs", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out)).build();
    }

    @Override
    public void epoch(int epoch, double loss) {
        bar.stepTo(epoch);
        bar.setExtraMessage(String.format("loss %.3f", loss));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
