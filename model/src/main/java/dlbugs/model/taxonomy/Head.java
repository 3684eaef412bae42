package dlbugs.model.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One thing the model predicts about a bug (bug type, root cause, effect, stage, fix pattern):
 * its name, its closed label set in a fixed order, and a definition per label.
 *
 * @param name        stable identifier used in JSON and in the network's output names
 * @param title       human-readable name
 * @param labels      the label set; the index of a label is its output column
 * @param definitions one-line meaning of each label (same keys as {@code labels})
 */
public record Head(String name, String title, List<String> labels, Map<String, String> definitions) {

    public Head {
        if (name == null || !name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("head name must be lower_snake_case, got " + name);
        }
        labels = List.copyOf(labels);
        if (labels.size() < 2 || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("head " + name + " needs at least two distinct labels");
        }
        definitions = Map.copyOf(definitions);
        if (!definitions.keySet().equals(Set.copyOf(labels))) {
            throw new IllegalArgumentException("head " + name + ": definitions must cover exactly its labels");
        }
    }

    /** Builds a head from label → definition pairs in declaration order. */
    static Head of(String name, String title, String... labelDefinitionPairs) {
        Map<String, String> defs = new LinkedHashMap<>();
        for (int i = 0; i < labelDefinitionPairs.length; i += 2) {
            defs.put(labelDefinitionPairs[i], labelDefinitionPairs[i + 1]);
        }
        return new Head(name, title, List.copyOf(defs.keySet()), defs);
    }

    /**
     * @param label a label of this head
     * @return its output column
     * @throws IllegalArgumentException if the label is not in this head's set
     */
    public int indexOf(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("'" + label + "' is not a label of head " + name);
        }
        return i;
    }

    public int size() {
        return labels.size();
    }

    public String named(String label) {
        return label;
    }

}
