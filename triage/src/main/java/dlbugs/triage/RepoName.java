package dlbugs.triage;

/**
 * A GitHub repository, {@code OWNER/REPO}.
 *
 * @param owner user or organisation
 * @param name  repository name
 */
public record RepoName(String owner, String name) {

    private static final String PART = "[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})";

    public RepoName {
        if (owner == null || !owner.matches(PART) || name == null || !name.matches(PART)) {
            throw new IllegalArgumentException("a repository is OWNER/REPO (letters, digits, '.', '_', '-'), got "
                    + owner + "/" + name);
        }
    }

    /**
     * @param text {@code OWNER/REPO}
     * @throws IllegalArgumentException if it is not of that form
     */
    public static RepoName parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a repository is OWNER/REPO, got '" + text + "'");
        }
        return new RepoName(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
