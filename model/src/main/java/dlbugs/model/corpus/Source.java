package dlbugs.model.corpus;

/** Where a labelled unit comes from. */
public enum Source {
    /** A bug-fix commit (or a hunk or file excerpt of one) of the study. */
    GITHUB("github"),
    /** A Stack Overflow question: the study's, or a simba2024 one. */
    STACKOVERFLOW("stackoverflow"),
    /** An issue of a DL project's tracker ({@code github_issues/}), from its title and opening post. */
    GITHUB_ISSUE("github_issues");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    /** @return the name reports and evaluation slices show, e.g. {@code github_issues} */
    public String label() {
        return label;
    }
}
