package dlbugs.train.cli;

import dlbugs.train.training.TrainingListener;
import me.tongfei.progressbar.ProgressBar;

import java.io.PrintStream;

/** Draws one progress bar per phase (cross-validation folds, final-fit epochs) with rate and ETA. */
final class ProgressBarListener implements TrainingListener, AutoCloseable {

    private final PrintStream out;
    private ProgressBar bar;

    ProgressBarListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void phase(String name, int steps) {
        close();
        bar = ProgressBars.on(out, name, steps).build();
    }

    @Override
    public synchronized void progress(int done, String detail) {
        bar.stepTo(done);
        bar.setExtraMessage(detail);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
