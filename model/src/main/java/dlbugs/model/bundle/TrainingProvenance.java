package dlbugs.model.bundle;

import java.util.Map;

/**
 * Where a model came from: the corpus, the configuration and the run.
 *
 * @param corpusPath  the corpus directory as given
 * @param corpusHash  SHA-256 over the corpus files
 * @param corpusCounts units and labelled units per head (gold and silver)
 * @param config      training configuration, as strings
 * @param seed        the run's seed
 * @param gitCommit   the source commit, or "unknown"
 * @param createdAt   ISO-8601 time of training
 * @param trainSeconds wall time of training
 * @param versions    java, os, dl4j and dlbugs versions
 */
public record TrainingProvenance(String corpusPath, String corpusHash, Map<String, Integer> corpusCounts,
                                 Map<String, String> config, long seed, String gitCommit, String createdAt,
                                 double trainSeconds, Map<String, String> versions) {
    public TrainingProvenance {
        corpusCounts = Map.copyOf(corpusCounts);
        config = Map.copyOf(config);
        versions = Map.copyOf(versions);
    }
}
