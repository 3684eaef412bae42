package dlbugs.model.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offline caches that give the study's references their text: commits, file snippets,
 * recovered questions, and the simba2024 question texts (39 of them are gold questions too).
 */
final class TextSources {

    final AnchorResolver resolver;
    private final Map<String, CachedPost> posts;
    private final Map<String, Map<String, String>> simbaRows;

    private TextSources(AnchorResolver resolver, Map<String, CachedPost> posts,
                        Map<String, Map<String, String>> simbaRows) {
        this.resolver = resolver;
        this.posts = posts;
        this.simbaRows = simbaRows;
    }

    static TextSources load(CorpusLayout layout) throws CorpusFormatException {
        Map<String, CachedCommit> commits = JsonLines.read(layout.commits(), CachedCommit.class).stream()
                .collect(Collectors.toMap(c -> c.sha().toLowerCase(), Function.identity(), (a, b) -> a));
        Map<String, CachedFileSnippet> snippets = new HashMap<>();
        for (CachedFileSnippet s : JsonLines.read(layout.fileSnippets(), CachedFileSnippet.class)) {
            snippets.putIfAbsent(AnchorResolver.snippetKey(s.sha().toLowerCase(), s.path(), s.line()), s);
        }
        Map<String, CachedPost> posts = JsonLines.read(layout.posts(), CachedPost.class).stream()
                .collect(Collectors.toMap(CachedPost::id, Function.identity(), (a, b) -> a));
        List<Map<String, String>> simba = CsvTable.read(layout.simbaPosts(), "Id", "Text", "Tags");
        Map<String, Map<String, String>> simbaRows = simba.stream()
                .collect(Collectors.toMap(r -> r.get("Id").strip(), Function.identity(), (a, b) -> a));
        return new TextSources(new AnchorResolver(commits, snippets), posts, simbaRows);
    }

    /**
     * The text of a gold question: its cached body if recovered, else the simba2024 text, else
     * (when allowed) its title alone.
     *
     * @return the report, or empty with the drop reason logged
     */
    Optional<BugReport> question(String id, String library, ImportOptions options, ImportLog log) {
        CachedPost post = posts.get(id);
        if (post != null && !post.titleOnly()) {
            log.note("question text: cached post (" + post.fidelity() + ")");
            return Optional.of(new BugReport(post.title(), post.body(), "", library));
        }
        Map<String, String> simba = simbaRows.get(id);
        if (simba != null) {
            log.note("question text: simba2024 dataset.csv");
            return Optional.of(new BugReport("", simba.get("Text"), "", library));
        }
        if (post != null && options.titleOnlyQuestions()) {
            log.note("question text: title only (kept)");
            return Optional.of(new BugReport(post.title(), "", "", library));
        }
        log.drop(post != null ? "question title only (title-only questions excluded)"
                : "question not recovered offline");
        return Optional.empty();
    }

    /** @return the simba2024 row (Id, Text, Tags, Label) of a question, if present */
    Optional<Map<String, String>> simba(String id) {
        return Optional.ofNullable(simbaRows.get(id));
    }
}
