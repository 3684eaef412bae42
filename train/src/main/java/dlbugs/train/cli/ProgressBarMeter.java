package dlbugs.train.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** A progress bar on a terminal, in the house style: plain ASCII, rate and ETA. */
final class ProgressBarMeter implements ProgressMeter {

    private final ProgressBar bar;

    ProgressBarMeter(PrintStream out, String task, long max, String unit) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out)).showSpeed();
        if (!unit.isEmpty()) {
            b.setUnit(" " + unit, 1);
        }
        bar = b.build();
    }

    @Override
    public void stepTo(long done) {
        bar.stepTo(done);
    }

    @Override
    public void step() {
        bar.step();
    }

    @Override
    public void detail(String text) {
        bar.setExtraMessage(" " + text);
    }

    @Override
    public void close() {
        bar.close();
    }
}
