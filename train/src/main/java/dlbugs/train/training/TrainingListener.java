package dlbugs.train.training;

/** Hears about a training run's progress (the CLI draws a progress bar from it). */
public interface TrainingListener {

    /** A new phase starts, e.g. "hold-out fit"; {@code steps} epochs follow. */
    default void phase(String name, int steps) {
    }

    /** One epoch finished with the given mean loss. */
    default void epoch(int epoch, double loss) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
