/**
 * A trained model as one versioned file: manifest (taxonomy, feature settings, network spec,
 * provenance, held-out figures), vocabulary and weights. {@link dlbugs.model.bundle.BundleWriter}
 * writes it atomically; {@link dlbugs.model.bundle.BundleReader} refuses unknown format versions.
 */
package dlbugs.model.bundle;
