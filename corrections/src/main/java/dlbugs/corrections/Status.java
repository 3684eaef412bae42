package dlbugs.corrections;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a correction stands: new (not reviewed), accepted (training reads it) or rejected. */
public enum Status {
    NEW, ACCEPTED, REJECTED;

    /** @return the lower-case name stored and shown ({@code new}, {@code accepted}, {@code rejected}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the status of a name in any case, if there is one */
    public static Optional<Status> parse(String raw) {
        return raw == null ? Optional.empty() : Arrays.stream(values())
                .filter(s -> s.label().equals(raw.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** @return every status' name */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Status::label).toList();
    }
}
