package dlbugs.train.testing;

import dlbugs.train.training.TrainingListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a training run told its listener: each phase's steps, and every count and note reported. */
public final class RecordingListener implements TrainingListener {

    private final Map<String, Integer> steps = new LinkedHashMap<>();
    private final Map<String, List<Integer>> done = new LinkedHashMap<>();
    private final Map<String, List<String>> details = new LinkedHashMap<>();
    private String phase;

    @Override
    public synchronized void phase(String name, int n) {
        phase = name;
        steps.put(name, n);
        done.put(name, new ArrayList<>());
        details.put(name, new ArrayList<>());
    }

    @Override
    public synchronized void progress(int n, String detail) {
        done.get(phase).add(n);
        details.get(phase).add(detail);
    }

    public synchronized Map<String, Integer> steps() {
        return Map.copyOf(steps);
    }

    public synchronized List<Integer> done(String name) {
        return List.copyOf(done.get(name));
    }

    public synchronized List<String> details(String name) {
        return List.copyOf(details.get(name));
    }
}
