package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.eval.GroupKFold;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grouped k-fold cross-validation of several {@link FoldModel}s on the same folds. Every unit
 * (gold and silver) gets a fold; each model is fitted once per fold on the other folds' units
 * (silver only if enabled) and predicts every unit of the held-out fold, gold and silver alike,
 * so gold and silver can be scored apart. Fits run on {@code threads} threads: each fit is
 * single-threaded (OMP_NUM_THREADS=1), so two cores fit two folds at once.
 */
public final class CrossValidator {

    /** Hears that a model finished a fold; called from worker threads. */
    public interface Progress {
        void fitted(String model, int fold, int folds);
    }

    private final Taxonomy taxonomy;
    private final int threads;

    /** A validator using one thread per available processor. */
    public CrossValidator(Taxonomy taxonomy) {
        this(taxonomy, Runtime.getRuntime().availableProcessors());
    }

    public CrossValidator(Taxonomy taxonomy, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.taxonomy = taxonomy;
        this.threads = threads;
    }

    /**
     * @param items            units to cross-validate
     * @param models           models to compare (each must tolerate concurrent fits on different folds)
     * @param folds            number of folds
     * @param seed             fold assignment seed; fold f's models get seed + f
     * @param silverInTraining train on silver units too
     * @param progress         progress
     * @return out-of-fold predictions of every model, identical whatever the number of threads
     * @throws Exception the first failure of a model
     */
    public CrossValidation run(List<LabelledItem> items, List<FoldModel> models, int folds, long seed,
                               boolean silverInTraining, Progress progress) throws Exception {
        return run(items, models, GroupKFold.assign(items, folds, Taxonomy.BUG_TYPE, seed), seed, silverInTraining,
                progress);
    }

    /**
     * As {@link #run(List, List, int, long, boolean, Progress)} on a given assignment: the fold
     * of each unit, or -1 for a unit that only ever trains (it is never held out, so its row
     * stays null). Holding out a whole source or library is such an assignment.
     *
     * @param foldOf per unit, its fold (0, 1, ...) or -1
     */
    public CrossValidation run(List<LabelledItem> items, List<FoldModel> models, int[] foldOf, long seed,
                               boolean silverInTraining, Progress progress) throws Exception {
        int folds = Arrays.stream(foldOf).max().orElse(-1) + 1;
        Map<String, List<double[][]>> oof = new LinkedHashMap<>();
        for (FoldModel model : models) {
            List<double[][]> byHead = new ArrayList<>();
            taxonomy.heads().forEach(h -> byHead.add(new double[items.size()][]));
            oof.put(model.name(), byHead);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                int fold = f;
                List<Integer> testIdx = new ArrayList<>();
                List<LabelledItem> train = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (foldOf[i] == fold) {
                        testIdx.add(i);
                    } else if (silverInTraining || items.get(i).quality() == Quality.GOLD) {
                        train.add(items.get(i));
                    }
                }
                List<LabelledItem> test = testIdx.stream().map(items::get).toList();
                for (FoldModel model : models) {
                    tasks.add(pool.submit(() -> {
                        FoldPredictions p = model.fitAndPredict(taxonomy, train, test, seed + fold);
                        List<double[][]> target = oof.get(model.name());
                        for (int h = 0; h < taxonomy.heads().size(); h++) {
                            for (int t = 0; t < testIdx.size(); t++) {
                                target.get(h)[testIdx.get(t)] = p.byHead().get(h)[t];
                            }
                        }
                        progress.fitted(model.name(), fold + 1, folds);
                        return null;
                    }));
                }
            }
            for (Future<?> task : tasks) {
                await(task);
            }
        } finally {
            pool.shutdownNow();
        }
        return new CrossValidation(items, foldOf, oof);
    }

    private static void await(Future<?> task) throws Exception {
        try {
            task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
