package dlbugs.cli;

import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.ImportOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --corpus} option shared by the commands that read the corpus. */
public class CorpusOptions {

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Corpus directory (holds islam2019/, simba2024/ and optionally github_issues/). Default: $DLBUGS_CORPUS, else ../shared/datasets.")
    Path corpus;

    @Option(names = "--no-silver", description = "Leave out the silver units: the simba2024 questions and the GitHub issues.")
    boolean noSilver;

    @Option(names = "--no-title-only", description = "Drop gold questions whose body could not be recovered (default: keep their title).")
    boolean noTitleOnly;

    /** @return the corpus directory: the flag, else the environment variable, else the default */
    Path directory() {
        if (corpus != null) {
            return corpus;
        }
        String env = System.getenv(CorpusLayout.ENV);
        return env != null && !env.isBlank() ? Path.of(env) : CorpusLayout.DEFAULT;
    }

    ImportOptions importOptions() {
        return new ImportOptions(!noTitleOnly, !noSilver);
    }
}
