package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Nested cross-validation: on each outer fold, an inner grouped k-fold over that fold's
 * training units of every candidate lets a {@link Chooser} pick the model (by default the
 * candidate with the best mean macro-F1 over the heads), which is then fitted on all the fold's
 * training units. The outer test units never influence the choice.
 */
public final class TunedModel implements FoldModel {

    /** Picks the model to fit on an outer fold from the inner cross-validation of the candidates. */
    @FunctionalInterface
    public interface Chooser {
        FoldModel choose(Taxonomy taxonomy, CrossValidation inner, List<FoldModel> candidates);
    }

    /** The candidate with the best {@link #meanMacroF1}. */
    public static final Chooser BEST_MEAN_MACRO_F1 = (taxonomy, inner, candidates) -> {
        FoldModel best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (FoldModel candidate : candidates) {
            double score = meanMacroF1(taxonomy, inner, candidate.name());
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    };

    private final String name;
    private final List<FoldModel> candidates;
    private final int innerFolds;
    private final Chooser chooser;
    private final List<String> choices = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param name       the contestant's name
     * @param candidates models to choose from (distinct names)
     * @param innerFolds folds of the inner cross-validation
     */
    public TunedModel(String name, List<FoldModel> candidates, int innerFolds) {
        this(name, candidates, innerFolds, BEST_MEAN_MACRO_F1);
    }

    /** @param chooser how the inner cross-validation becomes the outer fold's model */
    public TunedModel(String name, List<FoldModel> candidates, int innerFolds, Chooser chooser) {
        if (candidates.isEmpty() || innerFolds < 2) {
            throw new IllegalArgumentException("need candidates and at least 2 inner folds");
        }
        this.name = name;
        this.candidates = List.copyOf(candidates);
        this.innerFolds = innerFolds;
        this.chooser = chooser;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                         long seed) throws Exception {
        FoldModel best = candidates.get(0);
        if (candidates.size() > 1) {
            CrossValidation inner = new CrossValidator(taxonomy, 1).run(train, candidates, innerFolds, seed, true,
                    (m, f, n) -> { });
            best = chooser.choose(taxonomy, inner, candidates);
        }
        choices.add(best.name());
        return best.fitAndPredict(taxonomy, train, test, seed);
    }

    /** @return the candidate chosen on each outer fold so far (in completion order) */
    public List<String> choices() {
        synchronized (choices) {
            return List.copyOf(choices);
        }
    }

    /** @return a model's macro-F1 on each head's reference units ({@link Slices#reference}), averaged over the heads */
    public static double meanMacroF1(Taxonomy taxonomy, CrossValidation cv, String model) {
        double sum = 0;
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            Head head = taxonomy.heads().get(h);
            sum += CvScores.onReference(cv, head, cv.oof().get(model).get(h)).macroF1();
        }
        return sum / taxonomy.heads().size();
    }
}
