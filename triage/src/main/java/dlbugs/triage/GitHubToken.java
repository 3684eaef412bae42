package dlbugs.triage;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A GitHub token. It is read from the environment ({@value #ENV}), never from the command line,
 * where {@code ps} would show it; {@link #toString()} hides it, so no message or log prints it.
 *
 * @param value the token
 */
public record GitHubToken(String value) {

    /** The environment variable holding the token, as GitHub Actions names it. */
    public static final String ENV = "GITHUB_TOKEN";

    public GitHubToken {
        if (value == null || value.isBlank() || !value.strip().equals(value) || value.contains("\n")) {
            throw new IllegalArgumentException("a GitHub token is one word on one line");
        }
    }

    /** @return the token from {@link #ENV}; empty if unset or blank */
    public static Optional<GitHubToken> fromEnvironment(UnaryOperator<String> env) {
        String v = env.apply(ENV);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(new GitHubToken(v.strip()));
    }

    /** @return {@code text} with the token blotted out */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "GitHubToken[***]";
    }
}
