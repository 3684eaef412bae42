package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.bundle.BundleManifest;
import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.features.EmbeddingConfig;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.features.ReportEmbedder;
import dlbugs.model.features.TextEncoder;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.Predictor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a model bundle file once and makes {@code replicas} predictors from it: the first owns
 * the network read from the file, the others a clone, and each its own tokenizer, so no two
 * inference workers share mutable state. A bundle with a sentence embedding gets one encoder
 * for all replicas: ONNX Runtime sessions are thread-safe, and one cache answers a text
 * repeated on any replica.
 */
public final class BundleModelSource implements ModelSource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Path bundle;
    private final int replicas;
    /**
     * The encoder of the last bundle loaded, kept for the next reload: an ONNX session holds
     * native memory until the process ends, so a reload of a bundle with the same encoder must
     * not start another (its cache is keyed by the text embedded, so it serves any settings).
     */
    private TextEncoder lastEncoder;

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
        ReportEmbedder embedder = embedder(read.manifest().embedding());
        List<Predictor> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            ModelBundle copy = i == 0 ? read : read.replica();
            out.add(new BundlePredictor(copy, new ProseTokenizer(), embedder));
        }
        return new LoadedModel(out, details(read.manifest()));
    }

    private synchronized ReportEmbedder embedder(EmbeddingConfig embedding) {
        if (embedding == null) {
            return null;
        }
        if (lastEncoder == null || !lastEncoder.spec().digest().equals(embedding.encoder().digest())) {
            lastEncoder = TextEncoders.open(embedding.encoder().name());
        }
        return new ReportEmbedder(embedding, lastEncoder);
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
        n.set("encoder", m.embedding() == null ? null : JSON.valueToTree(m.embedding()));
        ObjectNode provenance = JSON.valueToTree(m.provenance());
        provenance.remove("corpus_path");
        n.set("provenance", provenance);
        n.set("evaluation", JSON.valueToTree(m.evaluation()));
        n.set("calibration", JSON.valueToTree(m.calibration()));
        n.set("neighbours", m.neighbours() == null ? null : JSON.valueToTree(m.neighbours()));
        return n;
    }
}
