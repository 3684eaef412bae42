package dlbugs.cli;

import dlbugs.corrections.AcceptedCorrections;
import dlbugs.corrections.StoreLocation;
import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.CorpusImporter;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.CorrectedLabel;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.taxonomy.Taxonomy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The {@code --corpus} and {@code --corrections} options shared by the commands that read the corpus. */
public class CorpusOptions {

    @Option(names = "--corrections", paramLabel = "FILE|URL", description = "Also read the accepted corrections of this "
            + "store (an SQLite file, or a jdbc:postgresql:// URL with the password in DLBUGS_CORRECTIONS_PASSWORD) as the "
            + "source 'corrections': each overrides a silver label of the same report. None without this option.")
    String corrections;

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

    /**
     * Imports the corpus, with the accepted corrections merged when {@code --corrections} names a store.
     *
     * @throws dlbugs.corrections.CorrectionsUnavailableException if the store is not there or cannot be read
     */
    Corpus load(Taxonomy taxonomy, ImportOptions options) throws CorpusFormatException {
        List<CorrectedLabel> accepted = corrections == null ? List.of()
                : AcceptedCorrections.read(StoreLocation.parse(corrections, System::getenv));
        return new CorpusImporter(taxonomy).importFrom(CorpusLayout.at(directory()), options, accepted);
    }

    ImportOptions importOptions() {
        return new ImportOptions(!noTitleOnly, !noSilver);
    }
}
