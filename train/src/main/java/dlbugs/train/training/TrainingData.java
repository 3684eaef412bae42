package dlbugs.train.training;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.features.Vocabulary;
import dlbugs.model.network.HeadSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Units as arrays for the multi-task network: one feature matrix (and one embedding matrix, for
 * a network with that second input); per head a soft label matrix
 * (a unit's votes as a distribution) and a per-unit mask that is 0 where the unit has no label
 * for the head, so it still trains the other heads, and the unit's loss weight elsewhere.
 */
final class TrainingData {

    private TrainingData() {
    }

    static MultiDataSet of(List<LabelledItem> items, Function<LabelledItem, Map<String, Integer>> features,
                           Vocabulary vocabulary, List<HeadSpec> heads, ToDoubleFunction<LabelledItem> unitWeight) {
        return of(items, features, null, vocabulary, heads, unitWeight);
    }

    /** @param embeddings one row per item, the network's second input; null for a network without it */
    static MultiDataSet of(List<LabelledItem> items, Function<LabelledItem, Map<String, Integer>> features,
                           float[][] embeddings, Vocabulary vocabulary, List<HeadSpec> heads,
                           ToDoubleFunction<LabelledItem> unitWeight) {
        int n = items.size();
        float[][] x = new float[n][];
        INDArray[] labels = new INDArray[heads.size()];
        INDArray[] masks = new INDArray[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            labels[h] = Nd4j.zeros(DataType.FLOAT, n, heads.get(h).labels().size());
            masks[h] = Nd4j.zeros(DataType.FLOAT, n, 1);
        }
        for (int i = 0; i < n; i++) {
            LabelledItem item = items.get(i);
            x[i] = vocabulary.vectorize(features.apply(item));
            double weight = unitWeight.applyAsDouble(item);
            for (int h = 0; h < heads.size(); h++) {
                Map<String, Integer> votes = item.votes().get(heads.get(h).name());
                if (votes == null) {
                    continue;
                }
                double total = votes.values().stream().mapToInt(Integer::intValue).sum();
                for (Map.Entry<String, Integer> v : votes.entrySet()) {
                    labels[h].putScalar(i, heads.get(h).labels().indexOf(v.getKey()), v.getValue() / total);
                }
                masks[h].putScalar(i, 0, weight);
            }
        }
        INDArray[] inputs = embeddings == null ? new INDArray[] {Nd4j.create(x)}
                : new INDArray[] {Nd4j.create(x), Nd4j.create(embeddings)};
        return new MultiDataSet(inputs, labels, null, masks);
    }

    /** @return the rows {@code idx} of a data set, as a new mini-batch */
    static MultiDataSet rows(MultiDataSet all, int[] idx) {
        INDArray[] labels = new INDArray[all.numLabelsArrays()];
        INDArray[] masks = new INDArray[all.numLabelsArrays()];
        for (int h = 0; h < labels.length; h++) {
            labels[h] = rowsOf(all.getLabels(h), idx);
            masks[h] = rowsOf(all.getLabelsMaskArray(h), idx);
        }
        INDArray[] inputs = new INDArray[all.numFeatureArrays()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = rowsOf(all.getFeatures(k), idx);
        }
        return new MultiDataSet(inputs, labels, null, masks);
    }

    /**
     * One native gather per array. {@code getRows} makes a view per row, and every view's
     * JavaCPP pointer takes a lock shared by all threads (its memory accounting), which
     * serialised the two folds that cross-validation fits at once.
     */
    static INDArray rowsOf(INDArray a, int[] idx) {
        return Nd4j.pullRows(a, 1, idx);
    }
}
