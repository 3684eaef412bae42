package dlbugs.label.repo;

import java.time.OffsetDateTime;

/**
 * A commit as records show it.
 *
 * @param sha     full object id
 * @param date    author date with the author's offset
 * @param author  author name
 * @param message full message
 * @param parents number of parents (2 or more for a merge, diffed against the first)
 */
public record CommitInfo(String sha, OffsetDateTime date, String author, String message, int parents) {

    /** @return the message's first line */
    public String subject() {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** @return the message after its first line */
    public String body() {
        int nl = message.indexOf('\n');
        return nl < 0 ? "" : message.substring(nl + 1).strip();
    }
}
