package dlbugs.corrections;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a correction was made: the page, the HTTP API, the command line, or a label change on GitHub. */
public enum Origin {
    PAGE, API, CLI, GITHUB;

    /** @return the lower-case name stored and shown */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the origin of a name in any case, if there is one */
    public static Optional<Origin> parse(String raw) {
        return raw == null ? Optional.empty() : Arrays.stream(values())
                .filter(o -> o.label().equals(raw.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** @return every origin's name */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Origin::label).toList();
    }
}
