package dlbugs.model.corpus;

import dlbugs.model.taxonomy.Taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates label votes per unit while rows are read, in first-seen order. */
final class Units {

    private record Builder(AnchorResolver.Resolved unit, Source source, Quality quality, Boolean dlBug,
                           Map<String, Map<String, Integer>> votes) {
    }

    private final Map<String, Builder> byId = new LinkedHashMap<>();

    boolean has(String unitId) {
        return byId.containsKey(unitId);
    }

    void add(AnchorResolver.Resolved unit, Source source, Quality quality, Boolean dlBug, Map<String, String> labels) {
        byId.computeIfAbsent(unit.unitId(), id -> new Builder(unit, source, quality, dlBug, new LinkedHashMap<>()));
        labels.forEach((head, label) -> vote(unit.unitId(), head, label));
    }

    void vote(String unitId, String head, String label) {
        byId.get(unitId).votes().computeIfAbsent(head, h -> new LinkedHashMap<>()).merge(label, 1, Integer::sum);
    }

    /** @return the units, each with its derived votes too ({@link #derived}) */
    List<LabelledItem> build() {
        return byId.values().stream()
                .map(b -> new LabelledItem(b.unit().unitId(), b.unit().groupId(), b.source(), b.quality(),
                        b.unit().report(), derived(b.votes(), b.dlBug()), b.dlBug()))
                .toList();
    }

    /**
     * Adds the heads that follow from others: the bug type's top level from the bug type's votes,
     * and whether it is a DL bug from what its source says (no vote where the source is silent).
     */
    static Map<String, Map<String, Integer>> derived(Map<String, Map<String, Integer>> votes, Boolean dlBug) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>(votes);
        Map<String, Integer> bugType = votes.get(Taxonomy.BUG_TYPE);
        if (bugType != null) {
            Map<String, Integer> top = new LinkedHashMap<>();
            bugType.forEach((label, n) -> top.merge(Taxonomy.topLevel(label), n, Integer::sum));
            out.put(Taxonomy.BUG_TYPE_TOP, top);
        }
        if (dlBug != null) {
            out.put(Taxonomy.DL_BUG, Map.of(dlBug ? Taxonomy.IS_DL_BUG : Taxonomy.NOT_DL_BUG, 1));
        }
        return out;
    }
}
