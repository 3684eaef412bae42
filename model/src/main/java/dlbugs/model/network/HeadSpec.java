package dlbugs.model.network;

import dlbugs.model.taxonomy.Head;

import java.util.List;

/**
 * One softmax output of the network.
 *
 * @param name   head name; the output layer is called {@code out_<name>}
 * @param labels output columns, in order
 */
public record HeadSpec(String name, List<String> labels) {

    public HeadSpec {
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("head " + name + " needs at least two labels");
        }
    }

    /** @return the spec of a taxonomy head */
    public static HeadSpec of(Head head) {
        return new HeadSpec(head.name(), head.labels());
    }

    /** @return the name of this head's output layer */
    public String outputName() {
        return "out_" + name;
    }
}
