package dlbugs.model.bundle;

import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.EmbeddingConfig;
import dlbugs.model.features.FeatureConfig;
import dlbugs.model.network.NetworkSpec;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.List;

/**
 * The JSON part of a bundle: identity, how to extract features, the network's shape, where the
 * model came from and how well it did on held-out units.
 *
 * @param formatVersion bundle format; readers reject versions they do not know
 * @param name          model name
 * @param version       model version
 * @param taxonomy      the heads with their label sets and definitions
 * @param features      feature extraction settings
 * @param network       the network's spec, including its heads and label sets
 * @param provenance    corpus, configuration and run
 * @param evaluation    held-out figures
 * @param calibration   per head temperature and threshold; empty for none (bundles before calibration)
 * @param embedding     the sentence encoder and what it embeds of a report, the network's second
 *                      input; null for none (format 1: every bundle before embeddings)
 * @param neighbours    how much the nearest labelled units' vote counts beside the network; null for
 *                      none (bundles before it, and bundles without an embedding to compare reports by)
 */
public record BundleManifest(int formatVersion, String name, String version, Taxonomy taxonomy, FeatureConfig features,
                             NetworkSpec network, TrainingProvenance provenance, Evaluation evaluation,
                             List<HeadCalibration> calibration, EmbeddingConfig embedding, NeighbourConfig neighbours) {

    public BundleManifest {
        calibration = calibration == null ? List.of() : List.copyOf(calibration);
        int embeddingSize = embedding == null ? 0 : embedding.encoder().dimensions();
        if (network != null && network.embeddingSize() != embeddingSize) {
            throw new IllegalArgumentException("the network's embedding input has " + network.embeddingSize()
                    + " values but the encoder gives " + embeddingSize);
        }
        if (neighbours != null && embedding == null) {
            throw new IllegalArgumentException("the neighbours' vote compares embeddings: it needs an encoder");
        }
    }

    /** A manifest without the neighbours' vote. */
    public BundleManifest(int formatVersion, String name, String version, Taxonomy taxonomy, FeatureConfig features,
                          NetworkSpec network, TrainingProvenance provenance, Evaluation evaluation,
                          List<HeadCalibration> calibration, EmbeddingConfig embedding) {
        this(formatVersion, name, version, taxonomy, features, network, provenance, evaluation, calibration, embedding, null);
    }

    /** @return the format version a bundle of this content is written in: 2 with an embedding, else 1 */
    public static int formatVersionFor(EmbeddingConfig embedding) {
        return embedding == null ? ModelBundle.FORMAT_VERSION_TFIDF : ModelBundle.FORMAT_VERSION;
    }

    /** @return the calibration of a head, or the identity if the bundle has none for it */
    public HeadCalibration calibrationOf(String head) {
        return calibration.stream().filter(c -> c.head().equals(head)).findFirst()
                .orElse(HeadCalibration.identity(head));
    }
}
