package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.List;

/**
 * A model that cross-validation can compare: fit on one fold's training units, then give every
 * held-out unit a probability for each label of each head. dlbugs itself, the TF-IDF
 * logistic-regression baseline, fastText and the majority guess all implement it.
 */
public interface FoldModel {

    /** @return a short stable name, e.g. {@code dlbugs}, {@code tfidf-logreg}, {@code fasttext} */
    String name();

    /**
     * @param taxonomy the heads, in output order
     * @param train    units to learn from (gold and, if enabled, silver; a head may be unlabelled)
     * @param test     held-out units to score
     * @param seed     the fold's seed
     * @return probabilities for every test unit on every head
     * @throws Exception if the model cannot be fitted or run (the evaluation stops and says why)
     */
    FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test, long seed)
            throws Exception;
}
