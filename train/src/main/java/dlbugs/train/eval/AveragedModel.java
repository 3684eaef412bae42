package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;

/**
 * An ensemble that averages its members' probabilities. Member k is fitted with seed
 * {@code seed + 1000·k}, so one model listed several times is a seed ensemble.
 */
public final class AveragedModel implements FoldModel {

    private final String name;
    private final List<FoldModel> members;

    public AveragedModel(String name, List<FoldModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs members");
        }
        this.name = name;
        this.members = List.copyOf(members);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FoldPredictions fitAndPredict(Taxonomy taxonomy, List<LabelledItem> train, List<LabelledItem> test,
                                         long seed) throws Exception {
        List<double[][]> sum = null;
        for (int k = 0; k < members.size(); k++) {
            List<double[][]> p = members.get(k).fitAndPredict(taxonomy, train, test, seed + 1000L * k).byHead();
            if (sum == null) {
                sum = new ArrayList<>();
                for (double[][] m : p) {
                    double[][] copy = new double[m.length][];
                    for (int i = 0; i < m.length; i++) {
                        copy[i] = m[i].clone();
                    }
                    sum.add(copy);
                }
            } else {
                for (int h = 0; h < p.size(); h++) {
                    for (int i = 0; i < p.get(h).length; i++) {
                        for (int l = 0; l < p.get(h)[i].length; l++) {
                            sum.get(h)[i][l] += p.get(h)[i][l];
                        }
                    }
                }
            }
        }
        for (double[][] m : sum) {
            for (double[] row : m) {
                for (int l = 0; l < row.length; l++) {
                    row[l] /= members.size();
                }
            }
        }
        return new FoldPredictions(sum);
    }
}
