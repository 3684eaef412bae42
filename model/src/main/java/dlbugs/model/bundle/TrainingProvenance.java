package dlbugs.model.bundle;

import dlbugs.model.corpus.CorrectionsUsed;

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
 * @param corrections how many accepted corrections the corpus merged, and up to which id
 *                    ({@link CorrectionsUsed#NONE} for none, and for bundles made before corrections)
 */
public record TrainingProvenance(String corpusPath, String corpusHash, Map<String, Integer> corpusCounts,
                                 Map<String, String> config, long seed, String gitCommit, String createdAt,
                                 double trainSeconds, Map<String, String> versions, CorrectionsUsed corrections) {
    public TrainingProvenance {
        corpusCounts = Map.copyOf(corpusCounts);
        config = Map.copyOf(config);
        versions = Map.copyOf(versions);
        corrections = corrections == null ? CorrectionsUsed.NONE : corrections;
    }

    /** Provenance of a corpus that merged no correction. */
    public TrainingProvenance(String corpusPath, String corpusHash, Map<String, Integer> corpusCounts,
                              Map<String, String> config, long seed, String gitCommit, String createdAt,
                              double trainSeconds, Map<String, String> versions) {
        this(corpusPath, corpusHash, corpusCounts, config, seed, gitCommit, createdAt, trainSeconds, versions,
                CorrectionsUsed.NONE);
    }
}
