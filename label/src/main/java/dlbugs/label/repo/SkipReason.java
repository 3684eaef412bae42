package dlbugs.label.repo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a commit was scanned but not labelled. */
public enum SkipReason {
    NOT_A_FIX("not a fix", "message does not say it fixes something"),
    NO_DL_CODE("no DL code", "touches no code that uses a DL library"),
    SHALLOW_BOUNDARY("shallow-clone boundary", "parent not in this shallow clone"),
    MISSING_OBJECTS("objects missing", "objects missing from the repository"),
    ALREADY_LABELLED("already labelled", "already labelled in the output file"),
    NO_USABLE_CONTENT("nothing the model knows", "nothing in its message or diff is known to the model");

    private final String shortName;
    private final String description;

    SkipReason(String shortName, String description) {
        this.shortName = shortName;
        this.description = description;
    }

    /** @return a plain-words explanation for reports */
    public String description() {
        return description;
    }

    /** @return a few words for a table cell, e.g. {@code no DL code} */
    public String shortName() {
        return shortName;
    }

    /** @return the reason a summary names by its key ({@code no_dl_code}, as {@link #key()} gives it) */
    public static Optional<SkipReason> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }

    /** @return the reason's key in JSON summaries, e.g. {@code no_dl_code} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
