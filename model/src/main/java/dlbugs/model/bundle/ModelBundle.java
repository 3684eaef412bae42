package dlbugs.model.bundle;

import dlbugs.model.features.Vocabulary;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A trained model as one artefact: manifest, vocabulary and network weights. Written by
 * {@link BundleWriter}, read by {@link BundleReader}.
 *
 * @param manifest   identity, configuration, provenance, figures
 * @param vocabulary the feature columns
 * @param network    the trained graph
 */
public record ModelBundle(BundleManifest manifest, Vocabulary vocabulary, ComputationGraph network, KnownBugs known) {

    /**
     * The newest bundle format this code writes and reads: format 1 plus a sentence embedding as
     * the network's second input ({@code embedding} in the manifest). A bundle without one is
     * still written as format 1, so a dlbugs that reads only format 1 keeps reading it, and
     * refuses, naming both versions, a bundle it could not run.
     */
    public static final int FORMAT_VERSION = 2;
    /** The format of a bundle with the TF-IDF input only; {@code known_bugs.json} is an optional part of it. */
    public static final int FORMAT_VERSION_TFIDF = 1;

    public ModelBundle {
        known = known == null ? KnownBugs.none() : known;
    }

    /**
     * @return the same bundle with its own copy of the network, for a second inference thread:
     *         every other part (manifest, vocabulary, known bugs) is shared, being read-only
     */
    public ModelBundle replica() {
        return new ModelBundle(manifest, vocabulary, network.clone(), known);
    }

    /** A bundle without known bugs. */
    public ModelBundle(BundleManifest manifest, Vocabulary vocabulary, ComputationGraph network) {
        this(manifest, vocabulary, network, KnownBugs.none());
    }
}
