package dlbugs.train.training;

/** Hears about a training run's progress (the CLI draws a progress bar from it). */
public interface TrainingListener {

    /** A new phase starts, e.g. "cross-validation" or "final fit", with {@code steps} steps. */
    default void phase(String name, int steps) {
    }

    /** {@code done} steps of the current phase are finished; {@code detail} says more (a loss, a fold). */
    default void progress(int done, String detail) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
