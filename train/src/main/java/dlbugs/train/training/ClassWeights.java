package dlbugs.train.training;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Head;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loss weights that lift a head's rare labels: {@code (n / (k · n_c))^power}, normalised so that
 * the average training unit still weighs 1. Units count with their loss weight
 * ({@link TrainingConfig#unitWeight}). Macro-F1 counts every label alike; without weights
 * the network learns to answer "Crash" and "Choice of Model".
 */
final class ClassWeights {

    private ClassWeights() {
    }

    static List<Double> of(Head head, List<LabelledItem> train, TrainingConfig config) {
        double power = config.weighting().power(head.name());
        if (power == 0) {
            return List.of();
        }
        double[] count = new double[head.size()];
        for (LabelledItem item : train) {
            Map<String, Integer> votes = item.votes().get(head.name());
            if (votes == null) {
                continue;
            }
            double unit = config.unitWeight(item);
            double total = votes.values().stream().mapToInt(Integer::intValue).sum();
            votes.forEach((label, v) -> count[head.indexOf(label)] += unit * v / total);
        }
        double n = 0;
        int present = 0;
        for (double c : count) {
            n += c;
            present += c > 0 ? 1 : 0;
        }
        if (present < 2) {
            return List.of();
        }
        double[] w = new double[count.length];
        double mean = 0;
        for (int c = 0; c < count.length; c++) {
            w[c] = count[c] > 0 ? Math.pow(n / (present * count[c]), power) : 1;
            mean += count[c] * w[c] / n;
        }
        List<Double> out = new ArrayList<>();
        for (double x : w) {
            out.add(x / mean);
        }
        return out;
    }
}
