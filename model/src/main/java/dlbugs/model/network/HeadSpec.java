package dlbugs.model.network;

import dlbugs.model.taxonomy.Head;

import java.util.List;

/**
 * One softmax output of the network.
 *
 * @param name         head name; the output layer is called {@code out_<name>}
 * @param labels       output columns, in order
 * @param classWeights loss weight per label (same order), or empty for equal weights
 */
public record HeadSpec(String name, List<String> labels, List<Double> classWeights) {

    public HeadSpec {
        labels = List.copyOf(labels);
        classWeights = classWeights == null ? List.of() : List.copyOf(classWeights);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("head " + name + " needs at least two labels");
        }
        if (!classWeights.isEmpty() && classWeights.size() != labels.size()) {
            throw new IllegalArgumentException("head " + name + ": one class weight per label, or none");
        }
        if (classWeights.stream().anyMatch(w -> !(w > 0))) {
            throw new IllegalArgumentException("head " + name + ": class weights must be positive");
        }
    }

    /** @return the spec of a taxonomy head, equal class weights */
    public static HeadSpec of(Head head) {
        return new HeadSpec(head.name(), head.labels(), List.of());
    }

    /** @return this head with the given class weights */
    public HeadSpec withClassWeights(List<Double> weights) {
        return new HeadSpec(name, labels, weights);
    }

    /** @return the name of this head's output layer */
    public String outputName() {
        return "out_" + name;
    }
}
