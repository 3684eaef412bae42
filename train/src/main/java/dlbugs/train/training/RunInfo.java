package dlbugs.train.training;

import java.util.Map;

/**
 * What a run records about itself besides its configuration.
 *
 * @param modelName  the bundle's model name
 * @param corpusPath the corpus directory as given
 * @param gitCommit  the source commit of this build, or "unknown"
 * @param createdAt  ISO-8601 start time
 * @param versions   java, os, dl4j and dlbugs versions
 */
public record RunInfo(String modelName, String corpusPath, String gitCommit, String createdAt,
                      Map<String, String> versions) {

    public RunInfo {
        versions = Map.copyOf(versions);
    }

    /**
     * @return the model version: the date of training, the start of the corpus hash and, when
     *         known, the source commit ({@code 2026.11.25-c3ab84ab-g29d2478})
     */
    public String version(String corpusHash) {
        String v = createdAt.substring(0, 10).replace("-", ".") + "-" + corpusHash.substring(0, 8);
        return gitCommit.matches("[0-9a-f]{7,40}") ? v + "-g" + gitCommit.substring(0, 7) : v;
    }
}
