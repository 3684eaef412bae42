package dlbugs.cli;

import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.NoSuchCorrectionException;
import dlbugs.corrections.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs corrections accept ID...} and {@code reject ID...}: reviews each id in turn; an id
 * that names no correction is reported and the others are still reviewed, and the exit code is 65.
 */
public abstract class CorrectionsReviewCommand implements Callable<Integer> {

    @Mixin
    CorrectionsOptions store;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Ids of the corrections.")
    List<Long> ids;

    @Option(names = "--by", paramLabel = "NAME", description = "Who reviews (default: $USER, else cli).")
    String by;

    @Spec
    CommandSpec spec;

    abstract Status decision();

    @Override
    public Integer call() {
        String reviewer = by != null && !by.isBlank() ? by.strip()
                : System.getenv("USER") != null && !System.getenv("USER").isBlank() ? System.getenv("USER") : "cli";
        int missing = 0;
        try (CorrectionStore s = store.open()) {
            for (long id : ids) {
                try {
                    Correction c = s.review(id, decision(), reviewer);
                    spec.commandLine().getOut().println(id + " " + c.status().label() + ": " + c.head() + " = " + c.label());
                } catch (NoSuchCorrectionException e) {
                    spec.commandLine().getErr().println("dlbugs: " + e.getMessage());
                    missing++;
                }
            }
        }
        return missing == 0 ? 0 : 65;
    }

    /** {@code accept}: training reads the accepted corrections. */
    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accept corrections: train --corrections learns from them.")
    public static class Accept extends CorrectionsReviewCommand {
        @Override
        Status decision() {
            return Status.ACCEPTED;
        }
    }

    /** {@code reject}: training leaves them out. */
    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject corrections: training leaves them out.")
    public static class Reject extends CorrectionsReviewCommand {
        @Override
        Status decision() {
            return Status.REJECTED;
        }
    }
}
