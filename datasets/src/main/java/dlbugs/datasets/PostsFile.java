package dlbugs.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code stackoverflow_posts.jsonl} in the importer's schema ({@code id}, {@code title},
 * {@code body}, {@code answer}, {@code tags}, {@code fidelity}, {@code source}): read what a
 * previous run wrote, add what this run fetched, and write it back through a temporary file and
 * an atomic move.
 */
final class PostsFile {

    private static final ObjectMapper JSON = JsonlFile.JSON;
    static final String SOURCE = "Stack Exchange API 2.3";

    private final Path file;
    private final Map<String, ObjectNode> posts = new TreeMap<>();

    private PostsFile(Path file) {
        this.file = file;
    }

    static PostsFile read(Path file) throws IOException {
        PostsFile p = new PostsFile(file);
        p.posts.putAll(JsonlFile.read(file, n -> n.path("id").asText()));
        return p;
    }

    /** @return true if the question is already there verbatim */
    boolean hasVerbatim(String id) {
        ObjectNode n = posts.get(id);
        return n != null && "verbatim".equals(n.path("fidelity").asText());
    }

    void add(StackExchange.Question q) {
        ObjectNode n = JSON.createObjectNode().put("id", q.id()).put("title", q.title()).put("body", q.body())
                .put("answer", q.answer());
        q.tags().forEach(n.putArray("tags")::add);
        n.put("fidelity", "verbatim").put("source", SOURCE);
        posts.put(q.id(), n);
    }

    int size() {
        return posts.size();
    }

    void write() throws IOException {
        JsonlFile.write(file, posts.values());
    }
}
