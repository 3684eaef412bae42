package dlbugs.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Stack Exchange app key. It is read from a file or the environment, never from the command
 * line, where {@code ps} would show it to every user of the machine; {@link #toString()} hides
 * it, so no message or log can print it by accident.
 *
 * @param value the key
 */
public record StackExchangeKey(String value) {

    /** The environment variable holding the key. */
    public static final String ENV = "DLBUGS_STACKEXCHANGE_KEY";

    public StackExchangeKey {
        if (value == null || value.isBlank() || !value.strip().equals(value) || value.contains("\n")) {
            throw new IllegalArgumentException("a Stack Exchange key is one word on one line");
        }
    }

    /**
     * @param file a file whose first line is the key, or null to look in the environment only
     * @param env  the environment ({@code System::getenv})
     * @return the key from {@code file} if given, else from {@link #ENV}; empty if neither has one
     * @throws IOException if {@code file} cannot be read
     * @throws FetchException if {@code file} holds no key
     */
    public static Optional<StackExchangeKey> find(Path file, UnaryOperator<String> env) throws IOException {
        if (file != null) {
            String first;
            try {
                first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new IOException("cannot read the Stack Exchange key file " + file + ": " + Downloads.describe(e), e);
            }
            if (first.isEmpty()) {
                throw new FetchException(file + " holds no Stack Exchange key: put it on the first line");
            }
            return Optional.of(new StackExchangeKey(first));
        }
        String fromEnv = env.apply(ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(new StackExchangeKey(fromEnv.strip()));
    }

    /** @return {@code text} with the key blotted out, for a message that might quote a request */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "StackExchangeKey[***]";
    }
}
