package dlbugs.train.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs classify}: reads one JSON report per line ({@code title}, {@code text},
 * {@code diff}, {@code library}) and writes one JSON prediction per line, in order. A bad line
 * gets an error line of its own; the others are still classified.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify JSON lines {\"title\",\"text\",\"diff\",\"library\"} from a file or stdin; one JSON prediction per line.")
public class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The fields a line may carry. */
    record Line(String title, String text, String diff, String library) {
    }

    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "${env:DLBUGS_BUNDLE:-models/dlbugs-default.bundle}",
            description = "Model bundle (default: $DLBUGS_BUNDLE, else models/dlbugs-default.bundle).")
    Path bundle;

    @Option(names = "--input", paramLabel = "FILE", description = "JSON-lines file to read (default: standard input).")
    Path input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Predictor predictor = BundlePredictor.load(bundle);
        PrintWriter out = spec.commandLine().getOut();
        int lineNo = 0;
        int failed = 0;
        String firstError = null;
        try (BufferedReader in = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result = JSON.createObjectNode().put("line", lineNo);
                try {
                    Line l = JSON.readValue(line, Line.class);
                    write(result, predictor, predictor.predict(new BugReport(l.title(), l.text(), l.diff(), l.library())));
                } catch (IOException | IllegalArgumentException e) {
                    String msg = e instanceof IOException io ? "invalid JSON: " + firstLine(io.getMessage()) : e.getMessage();
                    result.put("error", e instanceof IOException ? "invalid_json" : "invalid_report").put("message", msg);
                    failed++;
                    firstError = firstError == null ? "line " + lineNo + ": " + msg : firstError;
                }
                out.println(JSON.writeValueAsString(result));
            }
        }
        out.flush();
        if (failed > 0) {
            spec.commandLine().getErr().println("dlbugs: " + failed + " of " + lineNo
                    + " lines could not be classified (first: " + firstError + ")");
            return 65;
        }
        return 0;
    }

    private static void write(ObjectNode result, Predictor predictor, Prediction p) {
        result.putObject("model").put("name", predictor.info().name()).put("version", predictor.info().version());
        ObjectNode heads = result.putObject("heads");
        for (HeadPrediction h : p.heads()) {
            ObjectNode node = heads.putObject(h.head()).put("label", h.label()).put("confidence", h.confidence())
                    .put("threshold", h.threshold()).put("accepted", h.accepted());
            var top = node.putArray("top");
            h.top().forEach(s -> top.addObject().put("label", s.label()).put("score", s.score()));
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
