package dlbugs.model.corpus;

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

    List<LabelledItem> build() {
        return byId.values().stream()
                .map(b -> new LabelledItem(b.unit().unitId(), b.unit().groupId(), b.source(), b.quality(),
                        b.unit().report(), b.votes(), b.dlBug()))
                .toList();
    }
}
