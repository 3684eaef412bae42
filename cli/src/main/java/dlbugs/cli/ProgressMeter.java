package dlbugs.cli;

/**
 * Shows how far a long task is, on standard error: a bar on a terminal ({@link ProgressBarMeter}),
 * plain lines elsewhere ({@link ProgressLineMeter}), or nothing ({@link #NONE}). Open one with
 * {@link ProgressOptions#open}.
 */
interface ProgressMeter extends AutoCloseable {

    /** {@code done} of the task's steps are finished. */
    void stepTo(long done);

    /** One more step is finished. */
    void step();

    /** @param text a short note shown after the counts (a loss, records written) */
    void detail(String text);

    /** The task ended: a bar is finished, a line meter prints its final line. */
    @Override
    void close();

    /** Shows nothing. */
    ProgressMeter NONE = new ProgressMeter() {
        @Override
        public void stepTo(long done) {
        }

        @Override
        public void step() {
        }

        @Override
        public void detail(String text) {
        }

        @Override
        public void close() {
        }
    };
}
