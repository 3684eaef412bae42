package dlbugs.cli;

import dlbugs.train.training.TrainingListener;

/** Shows one meter per training phase (cross-validation, final fit), counting epochs. */
final class PhaseProgressListener implements TrainingListener, AutoCloseable {

    private final ProgressOptions progress;
    private ProgressMeter meter = ProgressMeter.NONE;

    PhaseProgressListener(ProgressOptions progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void phase(String name, int steps) {
        close();
        meter = progress.open(name, steps, "epochs");
    }

    @Override
    public synchronized void progress(int done, String detail) {
        meter.detail(detail);
        meter.stepTo(done);
    }

    @Override
    public synchronized void close() {
        meter.close();
        meter = ProgressMeter.NONE;
    }
}
