package dlbugs.cli;

import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionsExport;
import dlbugs.corrections.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs corrections export --out DIR}: the accepted corrections as a corpus source in the
 * schema of {@code github_issues/} ({@code issues.jsonl} and {@code annotations.jsonl}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the accepted corrections as DIR/issues.jsonl and DIR/annotations.jsonl, in the schema of "
                + "the corpus' github_issues/, to share them as a corpus source.")
public class CorrectionsExportCommand implements Callable<Integer> {

    @Mixin
    CorrectionsOptions store;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write both files into.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (CorrectionStore s = store.open()) {
            List<Correction> accepted = s.every(CorrectionQuery.all(Status.ACCEPTED));
            int reports = CorrectionsExport.write(accepted, out);
            spec.commandLine().getOut().println("wrote " + accepted.size() + " accepted correction"
                    + (accepted.size() == 1 ? "" : "s") + " of " + reports + " report" + (reports == 1 ? "" : "s") + " to "
                    + out.resolve("issues.jsonl") + " and " + out.resolve("annotations.jsonl"));
        }
        return 0;
    }
}
