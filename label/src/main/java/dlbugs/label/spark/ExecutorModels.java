package dlbugs.label.spark;

import dlbugs.model.bundle.BundleFormatException;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.Predictor;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of one executor JVM, loaded once each, on first use, and shared by every task the
 * executor runs. Spark gives a task nothing per executor, and a model serialised with each task
 * (or loaded in each) would cost a load per repository; so this is a cache keyed by bundle path,
 * not a singleton holding "the" model: callers name the bundle, nothing in it is mutable after
 * loading, and the tasks reach the model only through {@link #predictor}, so a test can pass any
 * bundle. {@link BundlePredictor} synchronizes its network call and nothing else, which makes
 * sharing safe.
 */
final class ExecutorModels {

    private static final Map<Path, Predictor> LOADED = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** @return the bundle's predictor, loading it if this JVM has not yet */
    static Predictor predictor(Path bundle) throws BundleFormatException {
        Path key = bundle.toAbsolutePath().normalize();
        Predictor p = LOADED.get(key);
        if (p != null) {
            return p;
        }
        synchronized (LOADED) {
            p = LOADED.get(key);
            if (p == null) {
                p = BundlePredictor.load(key);
                LOADED.put(key, p);
            }
            return p;
        }
    }

    /** @return how many bundles this JVM has loaded (for the test that asserts "once per executor") */
    static int loadedCount() {
        return LOADED.size();
    }
}
