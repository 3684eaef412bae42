package dlbugs.serve;

/**
 * Where the service gets its model, at start and on every reload. It reads a location fixed by
 * the operator (never one named in a request).
 */
@FunctionalInterface
public interface ModelSource {

    /**
     * @return the model, fully loaded
     * @throws Exception with a one-line message if it cannot be loaded
     */
    LoadedModel load() throws Exception;

    /** @return a human-readable name for messages (a file path) */
    default String describe() {
        return "the model source";
    }
}
