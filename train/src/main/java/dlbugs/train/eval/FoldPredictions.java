package dlbugs.train.eval;

import java.util.List;

/**
 * Probabilities a model gave to held-out units: {@code byHead.get(h)[i][l]} is the probability of
 * label {@code l} of head {@code h} (taxonomy order, label order) for test unit {@code i}. Each
 * row sums to 1.
 *
 * @param byHead one matrix per head
 */
public record FoldPredictions(List<double[][]> byHead) {
    public FoldPredictions {
        byHead = List.copyOf(byHead);
    }
}
