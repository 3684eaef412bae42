package dlbugs.cli;

import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.StoreLocation;
import picocli.CommandLine.Option;

/** The {@code --corrections} option of the {@code corrections} commands: which store to use. */
public class CorrectionsOptions {

    @Option(names = "--corrections", paramLabel = "FILE|URL", description = "The corrections store: an SQLite file or a "
            + "jdbc:postgresql:// URL, its password in DLBUGS_CORRECTIONS_PASSWORD (default: $DLBUGS_CORRECTIONS, else "
            + StoreLocation.DEFAULT + ").")
    String corrections;

    /** @return the store named by the option, else the environment, else the default file */
    CorrectionStore open() {
        return CorrectionStores.open(StoreLocation.parse(corrections, System::getenv), CorrectionStores.DEFAULT_BUSY_MILLIS);
    }
}
