package dlbugs.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What triage has done on a repository: per issue, the labels it added and whether it commented.
 * A re-run reads it, so it never repeats a comment, and never re-adds a label a person removed.
 * Each change is written at once, whole, through a temporary file and an atomic move, so an
 * interrupted run loses nothing it did. Without a file it lives in memory only.
 */
public final class TriageJournal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    /** What was done to one issue. */
    public record Entry(Set<String> labels, boolean commented) {
        public Entry {
            labels = Set.copyOf(labels);
        }

        static final Entry NONE = new Entry(Set.of(), false);
    }

    private final Path file;
    private final String repo;
    private final Map<Integer, Entry> issues = new TreeMap<>();

    private TriageJournal(Path file, String repo) {
        this.file = file;
        this.repo = repo;
    }

    /** @return an empty journal kept in memory (the webhook's, which GitHub's own state backs up) */
    public static TriageJournal inMemory(RepoName repo) {
        return new TriageJournal(null, repo.toString());
    }

    /**
     * @param file the journal; created on the first change if it does not exist
     * @throws IOException if it cannot be read, is not a journal, or is another repository's
     */
    public static TriageJournal open(Path file, RepoName repo) throws IOException {
        TriageJournal j = new TriageJournal(file, repo.toString());
        if (!Files.exists(file)) {
            return j;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not a triage journal (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || root.path("format").asInt() != FORMAT || !root.path("issues").isObject()) {
            throw new IOException(file + " is not a triage journal of format " + FORMAT);
        }
        if (!repo.toString().equals(root.path("repo").asText())) {
            throw new IOException(file + " is the journal of " + root.path("repo").asText() + ", not of " + repo
                    + "; give another --journal");
        }
        root.path("issues").fields().forEachRemaining(e -> {
            Set<String> labels = new LinkedHashSet<>();
            e.getValue().path("labels").forEach(l -> labels.add(l.asText()));
            j.issues.put(Integer.parseInt(e.getKey()), new Entry(labels, e.getValue().path("commented").asBoolean()));
        });
        return j;
    }

    /** @return what was done to an issue (nothing if it is not in the journal) */
    public synchronized Entry entry(int issue) {
        return issues.getOrDefault(issue, Entry.NONE);
    }

    /** Records labels added to an issue, and saves. */
    public synchronized void labelled(int issue, Iterable<String> labels) throws IOException {
        Entry e = entry(issue);
        Set<String> all = new LinkedHashSet<>(e.labels());
        labels.forEach(all::add);
        issues.put(issue, new Entry(all, e.commented()));
        save();
    }

    /** Records the comment on an issue, and saves. */
    public synchronized void commented(int issue) throws IOException {
        issues.put(issue, new Entry(entry(issue).labels(), true));
        save();
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("repo", repo);
        ObjectNode all = root.putObject("issues");
        issues.forEach((n, e) -> {
            ObjectNode o = all.putObject(String.valueOf(n));
            e.labels().stream().sorted().forEach(o.putArray("labels")::add);
            o.put("commented", e.commented());
        });
        AtomicFile.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
