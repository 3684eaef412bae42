package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.bundle.BundleManifest;
import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.Predictor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a model bundle file once and makes {@code replicas} predictors from it: the first owns
 * the network read from the file, the others a clone, and each its own tokenizer, so no two
 * inference workers share mutable state.
 */
public final class BundleModelSource implements ModelSource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Path bundle;
    private final int replicas;

    public BundleModelSource(Path bundle, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
        this.bundle = bundle;
        this.replicas = replicas;
    }

    @Override
    public LoadedModel load() throws Exception {
        ModelBundle read = BundleReader.read(bundle);
        List<Predictor> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            ModelBundle copy = i == 0 ? read : read.replica();
            out.add(new BundlePredictor(copy, new ProseTokenizer()));
        }
        return new LoadedModel(out, details(read.manifest()));
    }

    @Override
    public String describe() {
        return bundle.toString();
    }

    /**
     * The manifest's parts a caller can use: where the model came from and how good it is. The
     * corpus is identified by its hash and counts, not by the trainer's path, which names a
     * directory on somebody's machine.
     */
    static ObjectNode details(BundleManifest m) {
        ObjectNode n = JSON.createObjectNode().put("format_version", m.formatVersion());
        ObjectNode provenance = JSON.valueToTree(m.provenance());
        provenance.remove("corpus_path");
        n.set("provenance", provenance);
        n.set("evaluation", JSON.valueToTree(m.evaluation()));
        n.set("calibration", JSON.valueToTree(m.calibration()));
        return n;
    }
}
