package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.api.ClassifyRequestReader;
import dlbugs.model.api.ClassifyResponse;
import dlbugs.model.api.RequestException;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs classify}: reads one JSON request per line, exactly as {@code POST /classify}
 * takes it (the same {@link ClassifyRequestReader}: report fields, {@code id}, {@code threshold},
 * {@code top_k}, {@code explain}, {@code similar}), and writes one JSON answer per line, in
 * order, in the same shape as the API's, with the line number and the line's {@code id}. A bad
 * line gets an error line of its own ({@code error}, {@code message}, the same codes and messages
 * as the API's 400s and 422s); the others are still classified.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify JSON lines from a file or stdin, one answer per line.",
                "Each line is what POST /classify takes: {\"id\",\"title\",\"text\",\"diff\",\"library\","
                        + "\"threshold\",\"top_k\",\"explain\",\"similar\"}; the answer echoes \"id\" and \"line\"."})
public class ClassifyCommand implements Callable<Integer> {

    /** Longest line read, as the service's default body limit. */
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "${env:DLBUGS_BUNDLE:-models/dlbugs-default.bundle}",
            description = "Model bundle (default: $DLBUGS_BUNDLE, else models/dlbugs-default.bundle).")
    Path bundle;

    @Option(names = "--input", paramLabel = "FILE", description = "JSON-lines file to read (default: standard input).")
    Path input;

    @Spec
    CommandSpec spec;

    private final ClassifyRequestReader reader = new ClassifyRequestReader();

    @Override
    public Integer call() throws Exception {
        checkInput();
        Predictor predictor = BundlePredictor.load(bundle);
        PrintWriter out = spec.commandLine().getOut();
        int lineNo = 0;
        int blank = 0;
        int failed = 0;
        String firstError = null;
        try (InputStream in = new BufferedInputStream(input != null ? Files.newInputStream(input) : System.in)) {
            ByteLines lines = new ByteLines(in, MAX_LINE_BYTES);
            for (ByteLines.Line line; (line = lines.next()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    blank++;
                    continue;
                }
                ObjectNode answer = answer(predictor, line, lineNo);
                if (answer.has("error")) {
                    failed++;
                    firstError = firstError == null ? "line " + lineNo + ": " + answer.get("message").asText() : firstError;
                }
                out.println(JSON.writeValueAsString(answer));
            }
        }
        out.flush();
        if (failed > 0) {
            String skipped = blank == 0 ? "" : blank + (blank == 1 ? " blank line" : " blank lines") + " skipped; ";
            spec.commandLine().getErr().println("dlbugs: " + failed + " of " + (lineNo - blank)
                    + " lines could not be classified (" + skipped + "first: " + firstError + ")");
            return 65;
        }
        return 0;
    }

    /** A missing file or a directory is named for what it is, before the model is loaded. */
    private void checkInput() throws IOException {
        if (input == null) {
            return;
        }
        if (Files.isDirectory(input)) {
            throw new FileNotFoundException("--input " + input + " is a directory; give a JSON-lines file");
        }
        if (!Files.exists(input)) {
            throw new FileNotFoundException("--input " + input + ": no such file");
        }
        if (!Files.isReadable(input)) {
            throw new FileNotFoundException("--input " + input + ": permission denied");
        }
    }

    private ObjectNode answer(Predictor predictor, ByteLines.Line line, int lineNo) {
        ObjectNode out = JSON.createObjectNode();
        if (line.tooLong()) {
            return error(out, null, lineNo, "body_too_large",
                    "the line is over the limit of " + MAX_LINE_BYTES + " bytes");
        }
        try {
            ClassifyRequestReader.Single request = reader.read(line.bytes());
            ClassifyRequestReader.Options o = request.options();
            ClassifyResponse response = ClassifyResponse.of(request.instance().id(), predictor.info(),
                    predictor.predict(request.report()), o,
                    o.explain() ? predictor.explain(request.report(), ClassifyRequestReader.EXPLAINED_FEATURES) : null,
                    o.similar() > 0 ? predictor.similar(request.report(), o.similar()) : null);
            ObjectNode body = JSON.valueToTree(response);
            putId(out, request.instance().id());
            out.put("line", lineNo);
            body.remove("id");
            return out.setAll(body);
        } catch (RequestException e) {
            return error(out, reader.idOf(line.bytes()), lineNo, e.code(), e.getMessage());
        } catch (NoUsableContentException e) {
            return error(out, reader.idOf(line.bytes()), lineNo, "no_usable_content", e.getMessage());
        }
    }

    private static ObjectNode error(ObjectNode out, JsonNode id, int lineNo, String code, String message) {
        putId(out, id);
        return out.put("line", lineNo).put("error", code).put("message", message);
    }

    private static void putId(ObjectNode out, JsonNode id) {
        if (id != null) {
            out.set("id", id);
        }
    }
}
