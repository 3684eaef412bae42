package dlbugs.label.repo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository on GitHub, as a clone's remote names it, so a report can link each commit.
 *
 * @param owner the user or organisation
 * @param name  the repository, without {@code .git}
 */
public record GithubRemote(String owner, String name) {

    private static final String PATH = "([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/([A-Za-z0-9._-]+?)(?:\\.git)?/?";
    /** https, http, ssh and git URLs, with or without a user and a port. */
    private static final Pattern URL = Pattern.compile(
            "(?i:(?:https?|ssh|git)://(?:[^@/]+@)?(?:www\\.)?github\\.com(?::\\d+)?)/" + PATH);
    /** scp-like {@code git@github.com:OWNER/REPO.git}. */
    private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?(?i:github\\.com):/?" + PATH);

    public GithubRemote {
        if (!owner.matches("[A-Za-z0-9-]+") || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a GitHub owner/name: " + owner + "/" + name);
        }
    }

    /** @return the repository a remote URL points at, or empty if it is not on GitHub */
    public static Optional<GithubRemote> parse(String url) {
        String u = url.strip();
        for (Pattern p : new Pattern[]{URL, SCP}) {
            Matcher m = p.matcher(u);
            if (m.matches()) {
                return Optional.of(new GithubRemote(m.group(1), m.group(2)));
            }
        }
        return Optional.empty();
    }

    /** @return the commit's page on GitHub */
    public String commitUrl(String sha) {
        return "https://github.com/" + owner + "/" + name + "/commit/" + sha;
    }
}
