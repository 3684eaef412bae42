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
 * training units picks the candidate with the best mean gold macro-F1 over the heads, which is
 * then fitted on all the fold's training units. The outer test units never influence the choice.
 */
public final class TunedModel implements FoldModel {

    private final String name;
    private final List<FoldModel> candidates;
    private final int innerFolds;
    private final List<String> choices = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param name       the contestant's name
     * @param candidates models to choose from (distinct names)
     * @param innerFolds folds of the inner cross-validation
     */
    public TunedModel(String name, List<FoldModel> candidates, int innerFolds) {
        if (candidates.isEmpty() || innerFolds < 2) {
            throw new IllegalArgumentException("need candidates and at least 2 inner folds");
        }
        this.name = name;
        this.candidates = List.copyOf(candidates);
        this.innerFolds = innerFolds;
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
            double bestScore = Double.NEGATIVE_INFINITY;
            for (FoldModel candidate : candidates) {
                double score = meanMacroF1(taxonomy, inner, candidate.name());
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
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
            sum += CvScores.score(cv, head, cv.oof().get(model).get(h), Slices.reference(head, cv.items())).macroF1();
        }
        return sum / taxonomy.heads().size();
    }
}
