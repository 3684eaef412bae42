package dlbugs.cli;

import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.NewCorrection;
import dlbugs.corrections.Origin;
import dlbugs.corrections.Recorded;
import dlbugs.model.api.CorrectionRequestReader;
import dlbugs.model.api.RequestException;
import dlbugs.model.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs corrections import FILE}: records each line of a JSON-lines file as
 * {@code POST /corrections} reads a body (origin {@code cli}, status new). A bad line is reported
 * with its number and the others are still recorded; the exit code is then 65.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Record the corrections of a JSON-lines file, one POST /corrections body a line (origin cli, to be reviewed).")
public class CorrectionsImportCommand implements Callable<Integer> {

    @Mixin
    CorrectionsOptions store;

    @Parameters(paramLabel = "FILE", description = "JSON lines; - for standard input.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CorrectionRequestReader reader = new CorrectionRequestReader(Taxonomy.islam2019());
        int created = 0;
        int repeated = 0;
        int refused = 0;
        int n = 0;
        try (CorrectionStore s = store.open(); InputStream in = file.toString().equals("-") ? System.in : Files.newInputStream(file)) {
            BufferedReader lines = new BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Recorded r = s.record(NewCorrection.of(reader.read(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            Origin.CLI));
                    created += r.created() ? 1 : 0;
                    repeated += r.created() ? 0 : 1;
                } catch (RequestException e) {
                    spec.commandLine().getErr().println("dlbugs: " + file + ":" + n + ": " + e.getMessage());
                    refused++;
                }
            }
        }
        spec.commandLine().getOut().println("imported " + file + ": " + created + " new, " + repeated + " recorded before, "
                + refused + " refused");
        return refused == 0 ? 0 : 65;
    }
}
