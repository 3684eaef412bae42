package dlbugs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.corrections.CorrectionJson;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.NoSuchCorrectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code dlbugs corrections show ID}: one correction, every field, as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one correction, every field, as JSON.")
public class CorrectionsShowCommand implements Callable<Integer> {

    @Mixin
    CorrectionsOptions store;

    @Parameters(paramLabel = "ID", description = "The correction's id.")
    long id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (CorrectionStore s = store.open()) {
            spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    CorrectionJson.of(s.get(id).orElseThrow(() -> new NoSuchCorrectionException(id)))));
        }
        return 0;
    }
}
