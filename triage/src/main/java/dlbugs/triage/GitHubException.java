package dlbugs.triage;

import java.io.IOException;

/** GitHub refused a call, or could not be reached; the message names the call, never the token. */
public class GitHubException extends IOException {

    private final int status;

    /** @param status the HTTP status, or 0 if there was no answer */
    public GitHubException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status, or 0 if there was no answer */
    public int status() {
        return status;
    }
}
