package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The majority guess: for each head, the label distribution of the fold's gold training units,
 * given to every test unit (so its answer is the most frequent label).
 */
public final class MajorityModel implements FoldModel {

    /** The name this model reports under. */
    public static final String NAME = "majority";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                         long seed) {
        List<double[][]> byHead = new ArrayList<>();
        for (Head head : taxonomy.heads()) {
            double[] prior = new double[head.size()];
            train.stream().filter(i -> i.quality() == Quality.GOLD)
                    .forEach(i -> i.majority(head.name()).ifPresent(l -> prior[head.indexOf(l)]++));
            double total = Arrays.stream(prior).sum();
            for (int l = 0; l < prior.length; l++) {
                prior[l] = total == 0 ? 1.0 / prior.length : prior[l] / total;
            }
            double[][] rows = new double[test.size()][];
            Arrays.setAll(rows, i -> prior.clone());
            byHead.add(rows);
        }
        return new FoldPredictions(byHead);
    }
}
