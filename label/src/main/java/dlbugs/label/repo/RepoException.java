package dlbugs.label.repo;

/** A repository that cannot be read as asked: not a repository, an unknown revision, a broken history. */
public final class RepoException extends RuntimeException {
    public RepoException(String message) {
        super(message);
    }

    public RepoException(String message, Throwable cause) {
        super(message, cause);
    }
}
