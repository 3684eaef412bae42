package dlbugs.triage.fake;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a {@link FakeGitHub} filled with {@link SampleIssues} until the process is stopped,
 * for {@code bench/triage.sh} and the example of {@code docs/triage.md}:
 * {@code java -cp ... dlbugs.triage.fake.FakeGitHubMain OWNER/REPO COUNT URL_FILE}. The API's
 * URL is written to {@code URL_FILE} once it listens.
 */
public final class FakeGitHubMain {

    private FakeGitHubMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: FakeGitHubMain OWNER/REPO COUNT URL_FILE");
            System.exit(2);
        }
        FakeGitHub fake = SampleIssues.fill(new FakeGitHub("", args[0]), Integer.parseInt(args[1]));
        Path tmp = Path.of(args[2] + ".tmp");
        Files.writeString(tmp, fake.url() + "\n");
        Files.move(tmp, Path.of(args[2]));
        Thread.currentThread().join();
    }
}
