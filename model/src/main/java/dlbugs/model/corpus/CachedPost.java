package dlbugs.model.corpus;

import java.util.List;

/**
 * One entry of {@code stackoverflow_posts.jsonl}. {@code fidelity} is {@code verbatim},
 * {@code rewrite} or {@code title-only} (body unknown).
 */
public record CachedPost(String id, String title, String body, String answer, List<String> tags, String fidelity) {

    /** @return true if only the question's title is known */
    public boolean titleOnly() {
        return "title-only".equals(fidelity) || body == null || body.isBlank();
    }
}
