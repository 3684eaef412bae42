package dlbugs.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar on a terminal, in the house style: {@code label-repo [=====>     ] } and then the
 * words a {@link ProgressLineMeter} prints. The library's own layout gives the bar whatever the
 * words leave, which at 80 columns is one character once a note is added; here the bar keeps
 * {@link #MIN_BAR} characters and the words are cut instead.
 */
final class ProgressBarMeter implements ProgressMeter {

    static final int MIN_BAR = 20;
    static final int MAX_BAR = 40;

    private final ProgressBar bar;

    ProgressBarMeter(PrintStream out, String task, long max, String unit, Duration elapsed) {
        this(new ConsoleProgressBarConsumer(out), task, max, unit, elapsed);
    }

    /** @param elapsed how long the task ran before the bar could be shown (counting its steps, say) */
    ProgressBarMeter(ProgressBarConsumer consumer, String task, long max, String unit, Duration elapsed) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setConsumer(consumer)
                .setRenderer(new Renderer(unit)).startsFrom(0, elapsed).build();
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
        bar.setExtraMessage(text);
    }

    @Override
    public void close() {
        bar.close();
    }

    private record Renderer(String unit) implements ProgressBarRenderer {
        @Override
        public String render(ProgressState s, int maxLength) {
            if (maxLength <= 0) {
                return "";
            }
            String text = ProgressText.of(s.getCurrent(), s.getMax(), unit, s.getElapsedAfterStart().toMillis() / 1e3,
                    s.getExtraMessage(), false);
            String head = s.getTaskName() + " [";
            int width = Math.max(MIN_BAR, Math.min(MAX_BAR, maxLength - head.length() - 2 - text.length()));
            String line = head + bar(s, width) + "] " + text;
            return line.length() <= maxLength ? line : line.substring(0, Math.max(0, maxLength - 1)) + "…";
        }

        private static String bar(ProgressState s, int width) {
            if (s.getMax() <= 0) {
                return " ".repeat(width);
            }
            int full = (int) (width * Math.min(1.0, (double) s.getCurrent() / s.getMax()));
            return "=".repeat(full) + (full < width ? ">" + " ".repeat(width - full - 1) : "");
        }
    }
}
