package dlbugs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress for a log or a pipe, where a bar would be a smear of carriage returns: a plain line
 * such as {@code label-repo: 1,200/3,400 commits (35%), 410 commits/s, ETA 5 s} at most once per
 * interval (printed when a step arrives, so a stalled task prints nothing new), and a final line.
 */
final class ProgressLineMeter implements ProgressMeter {

    private final PrintWriter out;
    private final String task;
    private final long max;
    private final String unit;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private long done;
    private String detail = "";

    /**
     * @param max      steps in all; 0 or less if unknown (no percentage, no ETA)
     * @param unit     what a step is ("commits"), or "" for none
     * @param interval least time between two lines
     * @param clock    nanoseconds, as {@link System#nanoTime()}
     */
    ProgressLineMeter(PrintWriter out, String task, long max, String unit, Duration interval, LongSupplier clock) {
        this(out, task, max, unit, interval, clock, clock.getAsLong());
    }

    /** As above, for a task that began at {@code start} on {@code clock}, before the meter could be opened. */
    ProgressLineMeter(PrintWriter out, String task, long max, String unit, Duration interval, LongSupplier clock,
                      long start) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the progress interval must not be negative, got " + interval);
        }
        this.out = out;
        this.task = task;
        this.max = max;
        this.unit = unit;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.start = start;
        this.lastLine = clock.getAsLong();
    }

    @Override
    public synchronized void stepTo(long n) {
        done = Math.max(done, n);
        long now = clock.getAsLong();
        if (now - lastLine >= intervalNanos) {
            lastLine = now;
            print(now, false);
        }
    }

    @Override
    public synchronized void step() {
        stepTo(done + 1);
    }

    @Override
    public synchronized void detail(String text) {
        detail = text;
    }

    @Override
    public synchronized void close() {
        print(clock.getAsLong(), true);
    }

    private void print(long now, boolean last) {
        out.println(task + ": " + ProgressText.of(done, max, unit, (now - start) / 1e9, detail, last));
        out.flush();
    }
}
