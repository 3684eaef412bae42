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

    /**
     * @param label a label of this head
     * @return the label as a person reads it: a code of a head whose labels are codes
     *         ({@link Taxonomy#CODED}, the root causes) with its name beside it, e.g.
     *         {@code UT (unaligned tensor)}; any other label as it is
     */
    public String named(String label) {
        String meaning = definitions.get(label);
        return Taxonomy.CODED.contains(name) && meaning != null ? named(label, meaning) : label;
    }

    /**
     * @param code    a label that may be a code, e.g. {@code UT}
     * @param meaning what it stands for, e.g. {@code Unaligned tensor}
     * @return {@code UT (unaligned tensor)}; a label that is not a code (capitals only) as it is
     */
    public static String named(String code, String meaning) {
        if (!code.matches("[A-Z]{2,}") || meaning.isBlank()) {
            return code;
        }
        // "Unaligned tensor" reads "unaligned tensor" mid-sentence; "API change" keeps its capitals.
        boolean word = meaning.length() > 1 && Character.isLowerCase(meaning.charAt(1));
        return code + " (" + (word ? Character.toLowerCase(meaning.charAt(0)) + meaning.substring(1) : meaning) + ")";
    }

}
