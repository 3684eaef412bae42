package dlbugs.model.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code github_files.jsonl}: the lines around line {@code line} of a file at a
 * commit; {@code text} starts at {@code startLine}.
 */
public record CachedFileSnippet(String repo, String sha, String path, @JsonProperty("source_repo") String sourceRepo,
                                int line, @JsonProperty("start_line") int startLine, String text) {
}
