package dlbugs.label.repo;

/** Why a commit was scanned but not labelled. */
public enum SkipReason {
    NOT_A_FIX("message does not say it fixes something"),
    NO_DL_CODE("touches no code that uses a DL library"),
    SHALLOW_BOUNDARY("parent not in this shallow clone"),
    MISSING_OBJECTS("objects missing from the repository"),
    ALREADY_LABELLED("already labelled in the output file"),
    NO_USABLE_CONTENT("nothing in its message or diff is known to the model");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    /** @return a plain-words explanation for reports */
    public String description() {
        return description;
    }
}
