package dlbugs.corrections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.api.CorrectionRequest;
import dlbugs.model.api.CorrectionRequestReader;
import dlbugs.model.api.RequestException;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.taxonomy.Taxonomy;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Records a person's label decision on GitHub as an accepted correction: origin {@code github},
 * author and reviewer the person's login, the report triage classified (the title and
 * opening post). It is read by the same reader as {@code POST /corrections}, so a label outside the
 * taxonomy is refused alike. The service's webhook and {@code dlbugs triage} both use it.
 */
public final class GitHubCorrections {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorrectionStore store;
    private final CorrectionRequestReader reader = new CorrectionRequestReader(Taxonomy.islam2019());
    private final Supplier<String> modelVersion;
    private final BiConsumer<String, String> counted;

    /**
     * @param modelVersion the version of the model whose answers people corrected (null if unknown)
     * @param counted      told (origin, head) of each correction recorded for the first time
     */
    public GitHubCorrections(CorrectionStore store, Supplier<String> modelVersion, BiConsumer<String, String> counted) {
        this.store = store;
        this.modelVersion = modelVersion;
        this.counted = counted;
    }

    /**
     * @param report   what triage classified: the title and opening post
     * @param head     the head whose label the person set
     * @param label    the person's label without its prefix
     * @param replaced dlbugs' answer for the head, or null
     * @param login    the person
     * @return true if it was recorded now, false if it was recorded before
     * @throws RequestException if the label is no label of the head in the taxonomy
     */
    public boolean record(BugReport report, String head, String label, String replaced, String login) {
        ObjectNode body = JSON.createObjectNode().put("title", report.title()).put("text", report.text())
                .put("diff", report.diff()).put("head", head).put("label", label).put("answer", replaced)
                .put("model_version", modelVersion.get()).put("author", login);
        CorrectionRequest request = reader.read(body.toString().getBytes(StandardCharsets.UTF_8));
        boolean created = store.record(NewCorrection.accepted(request, Origin.GITHUB, login)).created();
        if (created) {
            counted.accept(Origin.GITHUB.label(), request.head());
        }
        return created;
    }
}
