package dlbugs.model.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of report a text is: an issue of a tracker, a question of a Q&amp;A site, or a commit
 * (its message and diff). Sources declare the kind of their units; a served report names its own
 * or gets {@link #of(BugReport)}'s guess. The kinds differ in how precise the model's answers are,
 * so each head's threshold is chosen per kind.
 */
public enum ReportKind {
    ISSUE, QUESTION, COMMIT;

    /** @return the lower-case name requests and reports use ({@code issue}, {@code question}, {@code commit}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param report a report
     * @return the kind it says it is; if it says none, {@link #COMMIT} when it carries a diff, else
     *         {@link #ISSUE} (what users send most)
     */
    public static ReportKind of(BugReport report) {
        return report.kind() != null ? report.kind() : report.diff().isBlank() ? ISSUE : COMMIT;
    }

    /** @return the kind of this name ({@link #label()}), if there is one */
    public static Optional<ReportKind> parse(String raw) {
        return raw == null ? Optional.empty() : Arrays.stream(values()).filter(k -> k.label().equals(raw.strip())).findFirst();
    }

    /** @return every kind's label, in declaration order */
    public static List<String> labels() {
        return Arrays.stream(values()).map(ReportKind::label).toList();
    }
}
