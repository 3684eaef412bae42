package dlbugs.model.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One entry of {@code github_commits.jsonl}: a commit the study links to, with its diff
 * against the first parent (cut at 60 KB when {@code truncated}).
 */
public record CachedCommit(String repo, String sha, @JsonProperty("source_repo") String sourceRepo, String date,
                           String author, List<String> parents, String message, List<String> files, String diff,
                           boolean truncated) {
    public CachedCommit {
        message = message == null ? "" : message;
        diff = diff == null ? "" : diff;
        files = files == null ? List.of() : List.copyOf(files);
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    /** @return the first line of the message */
    public String subject() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message.strip() : message.substring(0, nl).strip();
    }

    /** @return the message after its first line */
    public String body() {
        int nl = message.indexOf('\n');
        return nl < 0 ? "" : message.substring(nl + 1).strip();
    }
}
