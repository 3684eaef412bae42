package dlbugs.model.corpus;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code simba2024/annotations.jsonl} or {@code github_issues/annotations.jsonl}: this
 * project's annotation of a question or an issue. {@code isBug} is {@code yes} or {@code no}
 * (the issues' file calls it {@code is_dl_bug}); the four labels are null when it
 * is {@code no}.
 */
record SilverAnnotation(String id, @JsonProperty("is_bug") @JsonAlias("is_dl_bug") String isBug,
                        @JsonProperty("bug_type") String bugType, @JsonProperty("root_cause") String rootCause,
                        String effect, String stage, String confidence) {

    /** @return the raw label for a head name (bug_type, root_cause, effect, stage) */
    String label(String head) {
        return switch (head) {
            case "bug_type" -> bugType;
            case "root_cause" -> rootCause;
            case "effect" -> effect;
            case "stage" -> stage;
            default -> null;
        };
    }
}
