package dlbugs.triage;

import java.util.List;

/**
 * An issue as triage needs it.
 *
 * @param number      its number in the repository
 * @param title       its title
 * @param body        its opening post (Markdown), possibly empty
 * @param labels      the names of the labels it carries now
 * @param pullRequest true if GitHub lists a pull request here (the issues API lists both)
 */
public record Issue(int number, String title, String body, List<String> labels, boolean pullRequest) {
    public Issue {
        if (number < 1) {
            throw new IllegalArgumentException("an issue number is positive, got " + number);
        }
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        labels = List.copyOf(labels);
    }
}
