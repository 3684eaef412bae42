package dlbugs.corrections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.io.AtomicFile;
import dlbugs.model.taxonomy.Taxonomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes accepted corrections as a corpus source in the schema of {@code github_issues/}:
 * {@code issues.jsonl} (one line per corrected report: {@code id}, {@code url}, {@code repo},
 * {@code library}, {@code title}, {@code body}, and {@code diff} and the {@code corrections}' ids
 * besides) and {@code annotations.jsonl} ({@code id}, {@code is_dl_bug}, and the most voted label of
 * every corrected head under its name; {@code confidence} is {@code corrected}). Each file is
 * written whole through a temporary file and an atomic move.
 */
public final class CorrectionsExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorrectionsExport() {
    }

    /**
     * @param corrections accepted corrections, in id order
     * @param dir         the folder to write both files into (created if missing)
     * @return the number of reports written
     */
    public static int write(List<Correction> corrections, Path dir) throws IOException {
        Map<String, List<Correction>> byReport = new LinkedHashMap<>();
        corrections.forEach(c -> byReport.computeIfAbsent(c.digest(), d -> new java.util.ArrayList<>()).add(c));
        StringBuilder issues = new StringBuilder();
        StringBuilder annotations = new StringBuilder();
        for (Map.Entry<String, List<Correction>> e : byReport.entrySet()) {
            Correction first = e.getValue().get(0);
            String id = "correction-" + e.getKey().substring(0, 12);
            ObjectNode issue = JSON.createObjectNode().put("id", id).put("url", "").put("repo", "")
                    .put("library", first.report().library()).put("title", first.report().title())
                    .put("body", first.report().text()).put("diff", first.report().diff());
            e.getValue().forEach(c -> issue.withArray("corrections").add(c.id()));
            issues.append(JSON.writeValueAsString(issue)).append('\n');
            annotations.append(JSON.writeValueAsString(annotation(id, e.getValue()))).append('\n');
        }
        Files.createDirectories(dir);
        AtomicFile.writeString(dir.resolve("issues.jsonl"), issues.toString());
        AtomicFile.writeString(dir.resolve("annotations.jsonl"), annotations.toString());
        return byReport.size();
    }

    private static ObjectNode annotation(String id, List<Correction> corrections) {
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        corrections.forEach(c -> votes.computeIfAbsent(c.head(), h -> new LinkedHashMap<>()).merge(c.label(), 1, Integer::sum));
        Map<String, Integer> dl = votes.remove(Taxonomy.DL_BUG);
        boolean dlBug = dl == null || dl.getOrDefault(Taxonomy.IS_DL_BUG, 0) >= dl.getOrDefault(Taxonomy.NOT_DL_BUG, 0);
        ObjectNode a = JSON.createObjectNode().put("id", id).put("is_dl_bug", dlBug ? "yes" : "no");
        if (dlBug) {
            votes.forEach((head, v) -> a.put(head, majority(v)));
        }
        return a.put("confidence", "corrected");
    }

    /** @return the most voted label, ties to the alphabetically first (as a unit's majority) */
    private static String majority(Map<String, Integer> votes) {
        return votes.entrySet().stream().min(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }
}
