package dlbugs.model.corpus;

import dlbugs.model.taxonomy.Taxonomy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges accepted corrections into imported units. The corrections of one report (matched by
 * {@link ReportDigest}) become one unit of {@link Source#CORRECTIONS}, each correction one vote,
 * in the group of the corpus unit of the same report if there is one, so folds never split them.
 * A correction overrides a silver unit's label of the same head (the unit keeps its other heads;
 * the bug type and its top level go together); a gold unit's label stands, and the correction of a
 * head gold labels is dropped and counted. A report corrected as "not a DL bug" keeps no other
 * label, from its silver unit or from other corrections.
 */
final class CorrectionMerge {

    /** The bug type and its top level: correcting either overrides both. */
    private static final Set<String> BUG_TYPE_FAMILY = Set.of(Taxonomy.BUG_TYPE, Taxonomy.BUG_TYPE_TOP);

    private final Taxonomy taxonomy;
    private final ImportLog log;

    CorrectionMerge(Taxonomy taxonomy, ImportLog log) {
        this.taxonomy = taxonomy;
        this.log = log;
    }

    /** @return the units with the corrections merged, corpus units first, then one unit per corrected report */
    List<LabelledItem> merge(List<LabelledItem> items, List<CorrectedLabel> corrections) {
        Map<String, Map<String, Map<String, Integer>>> votes = new LinkedHashMap<>();
        Map<String, BugReport> reports = new HashMap<>();
        for (CorrectedLabel c : corrections) {
            log.read("corrections");
            if (!known(c)) {
                log.dropLabel("correction of a label outside the taxonomy: " + c.head() + " '" + c.label() + "'");
                continue;
            }
            String digest = ReportDigest.of(c.report());
            reports.putIfAbsent(digest, c.report());
            votes.computeIfAbsent(digest, d -> new LinkedHashMap<>()).computeIfAbsent(c.head(), h -> new LinkedHashMap<>())
                    .merge(c.label(), 1, Integer::sum);
        }
        List<String> digests = items.stream().map(i -> ReportDigest.of(i.report())).toList();
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (votes.containsKey(digests.get(i))) {
                groups.putIfAbsent(digests.get(i), items.get(i).groupId());
                if (items.get(i).quality() == Quality.GOLD) {
                    keepGold(items.get(i), votes.get(digests.get(i)));
                }
            }
        }
        Map<String, Boolean> dlBug = new HashMap<>();
        votes.forEach((digest, v) -> dlBug.put(digest, dlBugOf(v)));
        List<LabelledItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LabelledItem item = items.get(i);
            Map<String, Map<String, Integer>> corrected = votes.get(digests.get(i));
            if (corrected == null || corrected.isEmpty() || item.quality() == Quality.GOLD) {
                out.add(item);
            } else {
                LabelledItem kept = override(item, corrected, dlBug.get(digests.get(i)));
                if (kept != null) {
                    out.add(kept);
                }
            }
        }
        votes.forEach((digest, v) -> {
            if (!v.isEmpty()) {
                out.add(unit(digest, reports.get(digest), v, dlBug.get(digest), groups.get(digest)));
            }
        });
        return out;
    }

    private boolean known(CorrectedLabel c) {
        return taxonomy.heads().stream().anyMatch(h -> h.name().equals(c.head()) && h.labels().contains(c.label()));
    }

    /** @return what the corrections say of being a DL bug: their dl_bug majority, else true if any other head is corrected */
    private static Boolean dlBugOf(Map<String, Map<String, Integer>> votes) {
        Map<String, Integer> v = votes.get(Taxonomy.DL_BUG);
        if (v != null) {
            return v.getOrDefault(Taxonomy.IS_DL_BUG, 0) >= v.getOrDefault(Taxonomy.NOT_DL_BUG, 0);
        }
        return votes.keySet().stream().anyMatch(h -> !h.equals(Taxonomy.DL_BUG)) ? Boolean.TRUE : null;
    }

    /** A gold unit keeps its labels; corrections of heads it labels are dropped. */
    private void keepGold(LabelledItem gold, Map<String, Map<String, Integer>> corrected) {
        for (String head : List.copyOf(corrected.keySet())) {
            if (gold.has(head)) {
                corrected.remove(head);
                log.note("corrections: head a gold unit labels, gold kept");
            }
        }
    }

    /** A silver unit loses the corrected heads' labels; null if nothing is left of it. */
    private LabelledItem override(LabelledItem silver, Map<String, Map<String, Integer>> corrected, Boolean dlBug) {
        Map<String, Map<String, Integer>> kept = new LinkedHashMap<>(silver.votes());
        boolean notDl = Boolean.FALSE.equals(dlBug);
        for (String head : silver.votes().keySet()) {
            boolean family = BUG_TYPE_FAMILY.contains(head) && corrected.keySet().stream().anyMatch(BUG_TYPE_FAMILY::contains);
            if (notDl || corrected.containsKey(head) || family || head.equals(Taxonomy.DL_BUG) && dlBug != null) {
                kept.remove(head);
            }
        }
        log.note("corrections: silver units of a corrected report, corrected heads overridden");
        Boolean silverDl = dlBug != null ? null : silver.dlBug();
        if (kept.isEmpty()) {
            return null;
        }
        return new LabelledItem(silver.unitId(), silver.groupId(), silver.source(), silver.quality(), silver.report(),
                kept, silverDl);
    }

    private LabelledItem unit(String digest, BugReport report, Map<String, Map<String, Integer>> votes, Boolean dlBug,
                              String group) {
        Map<String, Map<String, Integer>> labels = new LinkedHashMap<>(votes);
        if (Boolean.FALSE.equals(dlBug)) {
            labels.keySet().removeIf(h -> {
                boolean drop = !h.equals(Taxonomy.DL_BUG);
                if (drop) {
                    log.dropLabel("correction of a report corrected as not a DL bug");
                }
                return drop;
            });
        }
        String id = "correction:" + digest.substring(0, 16);
        log.note("corrections: reports corrected");
        return new LabelledItem(id, group != null ? group : id, Source.CORRECTIONS, Quality.CORRECTED, report,
                Units.derived(labels, dlBug), dlBug);
    }

    /** @return the corpus hash with the merged corrections folded in, so another set of corrections is another corpus */
    static String hash(String corpusHash, List<CorrectedLabel> corrections) {
        if (corrections.isEmpty()) {
            return corpusHash;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(corpusHash.getBytes(StandardCharsets.UTF_8));
            for (CorrectedLabel c : corrections) {
                sha.update(("\n" + c.id() + "|" + ReportDigest.of(c.report()) + "|" + c.head() + "|" + c.label())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** @return which corrections were merged */
    static CorrectionsUsed used(List<CorrectedLabel> corrections) {
        return new CorrectionsUsed(corrections.size(),
                corrections.stream().mapToLong(CorrectedLabel::id).max().orElse(0));
    }
}
