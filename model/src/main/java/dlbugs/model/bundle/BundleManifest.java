package dlbugs.model.bundle;

import dlbugs.model.eval.Evaluation;
import dlbugs.model.features.FeatureConfig;
import dlbugs.model.network.NetworkSpec;
import dlbugs.model.taxonomy.Taxonomy;

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
 */
public record BundleManifest(int formatVersion, String name, String version, Taxonomy taxonomy, FeatureConfig features,
                             NetworkSpec network, TrainingProvenance provenance, Evaluation evaluation) {
}
