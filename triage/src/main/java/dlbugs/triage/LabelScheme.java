package dlbugs.triage;

import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which heads become labels, and how: a {@link HeadLabels} per applied head, in order, plus the
 * label that marks an issue on which no head cleared its threshold.
 *
 * @param heads        the heads to apply, in order
 * @param triageLabel  the label for an issue the model is unsure of
 * @param triageColor  its colour
 */
public record LabelScheme(List<HeadLabels> heads, String triageLabel, String triageColor) {

    /** The default triage label. */
    public static final String NEEDS_TRIAGE = "dl-needs-triage";
    /** Said of the triage label on GitHub. */
    public static final String TRIAGE_DESCRIPTION = "dlbugs was not sure of any label; a person should triage this issue";

    /** Every head dlbugs can label, with its default prefix and colour; the first five are applied by default. */
    private static final List<HeadLabels> KNOWN = List.of(
            new HeadLabels(Taxonomy.BUG_TYPE_TOP, "dl-kind: ", "5319e7", null),
            new HeadLabels(Taxonomy.BUG_TYPE, "dl-type: ", "1d76db", null),
            new HeadLabels(Taxonomy.ROOT_CAUSE, "dl-cause: ", "d93f0b", null),
            new HeadLabels(Taxonomy.EFFECT, "dl-effect: ", "b60205", null),
            new HeadLabels(Taxonomy.STAGE, "dl-stage: ", "0e8a16", null),
            new HeadLabels(Taxonomy.FIX_PATTERN, "dl-fix: ", "fbca04", null));

    public LabelScheme {
        heads = List.copyOf(heads);
        if (heads.stream().map(HeadLabels::head).distinct().count() != heads.size()) {
            throw new IllegalArgumentException("a head is listed twice");
        }
        for (HeadLabels a : heads) {
            for (HeadLabels b : heads) {
                if (a != b && b.prefix().startsWith(a.prefix())) {
                    throw new IllegalArgumentException("prefix '" + b.prefix() + "' of " + b.head()
                            + " starts with prefix '" + a.prefix() + "' of " + a.head() + "; they must differ");
                }
            }
        }
        if (triageLabel == null || triageLabel.isBlank() || triageLabel.length() > 50) {
            throw new IllegalArgumentException("the triage label must be 1 to 50 characters");
        }
        if (heads.stream().anyMatch(h -> h.owns(triageLabel))) {
            throw new IllegalArgumentException("the triage label must not start with a head's prefix");
        }
    }

    /** @return the default: top-level type, bug type, root cause, effect and stage, with the bundle's thresholds */
    public static LabelScheme defaults() {
        return new LabelScheme(KNOWN.subList(0, 5), NEEDS_TRIAGE, "ededed");
    }

    /** @return the names of the heads that can be labelled */
    public static List<String> knownHeads() {
        return KNOWN.stream().map(HeadLabels::head).toList();
    }

    /**
     * Builds a scheme from options.
     *
     * @param headNames   heads to apply, in order; empty for the default five
     * @param prefixes    head → prefix, overriding the default
     * @param thresholds  head → threshold, overriding the bundle's
     * @param triageLabel the triage label
     * @throws IllegalArgumentException naming an unknown head
     */
    public static LabelScheme of(List<String> headNames, Map<String, String> prefixes, Map<String, Double> thresholds,
                                 String triageLabel) {
        List<String> names = headNames.isEmpty() ? defaults().heads().stream().map(HeadLabels::head).toList() : headNames;
        for (String name : concat(prefixes.keySet(), thresholds.keySet())) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("head '" + name + "' is configured but not applied; applied: "
                        + String.join(", ", names));
            }
        }
        List<HeadLabels> heads = new ArrayList<>();
        for (String name : names) {
            HeadLabels known = KNOWN.stream().filter(h -> h.head().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown head '" + name + "'; one of " + String.join(", ", knownHeads())));
            heads.add(known.withPrefix(prefixes.getOrDefault(name, known.prefix())).withThreshold(thresholds.get(name)));
        }
        return new LabelScheme(heads, triageLabel, "ededed");
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @return the head that owns a label, if any */
    public java.util.Optional<HeadLabels> owner(String label) {
        return heads.stream().filter(h -> h.owns(label)).findFirst();
    }
}
