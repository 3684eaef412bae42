package dlbugs.model.taxonomy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the label strings found in the study's spreadsheets and in the silver annotations to
 * the labels of a {@link Taxonomy}. Spelling variants (case, spacing, trailing dots, "Bugs",
 * "Ineffciency", "Absense", long prefixes such as "Structural Bug.", "(functional)" suffixes,
 * root causes with or without their code) are folded by {@link #key(String)}; the few labels
 * outside the taxonomy are either mapped deliberately ({@link #DELIBERATE}) or rejected.
 *
 * <p>Every label string maps to at most one head, so a value can be assigned to its head by
 * what it says rather than by the column it sits in (one spreadsheet permutes its columns).
 */
public final class LabelNormalizer {

    /** A label resolved to its head. */
    public record HeadLabel(String head, String label) {
    }

    /**
     * Labels outside the taxonomy that are mapped on purpose, by folded key. Each maps to the
     * taxonomy label whose definition covers it.
     */
    public static final Map<String, HeadLabel> DELIBERATE = Map.of(
            // the GitHub sheets say "Performance" for the effect "Bad Performance"
            "performance", new HeadLabel(Taxonomy.EFFECT, "Bad Performance"),
            // 13 rows: a parameter combination that runs but performs poorly is the study's
            // non-functional "structure inefficiency"
            "combination of parameters can lead to suboptimal performance", new HeadLabel(Taxonomy.ROOT_CAUSE, "SI"),
            // 3 rows: code broken by a new library version is "API change"
            "absence of backward compatibility while versioning", new HeadLabel(Taxonomy.ROOT_CAUSE, "APIC"));

    private final Map<String, HeadLabel> byKey = new HashMap<>();

    /**
     * @param taxonomy the heads and labels to map to
     * @throws IllegalStateException if two heads share a label key (values could not be
     *                               assigned to heads by what they say)
     */
    public LabelNormalizer(Taxonomy taxonomy) {
        for (Head head : taxonomy.heads()) {
            if (Taxonomy.DERIVED.contains(head.name())) {
                continue;
            }
            for (String label : head.labels()) {
                register(key(label), head, label);
                if (head.name().equals(Taxonomy.ROOT_CAUSE)) {
                    String fullName = head.definitions().get(label);
                    register(key(fullName), head, label);
                    register(key(fullName + " (" + label + ")"), head, label);
                }
            }
        }
        DELIBERATE.forEach((k, v) -> register(k, taxonomy.head(v.head()), v.label()));
    }

    private void register(String key, Head head, String label) {
        HeadLabel previous = byKey.putIfAbsent(key, new HeadLabel(head.name(), label));
        if (previous != null && !previous.equals(new HeadLabel(head.name(), label))) {
            throw new IllegalStateException("label key '" + key + "' is claimed by " + previous + " and " + head.name());
        }
    }

    /**
     * Resolves a raw value to the head it belongs to and its canonical label.
     *
     * @param raw a cell value; may be null or blank
     * @return the head and label, or empty if the value is blank or outside the taxonomy
     */
    public Optional<HeadLabel> classify(String raw) {
        return raw == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(raw)));
    }

    /**
     * Resolves a raw value that must belong to a given head.
     *
     * @param head the head the value is known to belong to
     * @param raw  the value
     * @return the canonical label, or empty if blank, unknown or of another head
     */
    public Optional<String> normalize(String head, String raw) {
        return classify(raw).filter(hl -> hl.head().equals(head)).map(HeadLabel::label);
    }

    /**
     * Folds a label string to the form used for look-up: lower case, single spaces, no
     * trailing dots, no "(functional)" suffix, long prefixes shortened, known typos fixed.
     */
    static String key(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ");
        s = s.replaceAll("\\((non )?functional\\)", "");
        s = s.replaceAll("[.\\s]+$", "");
        s = s.replace("non model structural bug.", "nmsb.").replace("structural bug.", "sb.");
        s = s.replace("ineffciency", "inefficiency").replace("absense", "absence");
        s = s.replaceAll("\\bbugs\\b", "bug");
        s = s.replaceAll("\\.csb$", ".control and sequence bug");
        s = s.replaceAll("\\s*\\(", " (");
        return s.strip();
    }
}
