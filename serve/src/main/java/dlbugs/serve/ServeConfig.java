package dlbugs.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the HTTP service runs: where it listens, which bundle it loads, and its limits.
 *
 * @param host          interface to bind, e.g. {@code 127.0.0.1}
 * @param port          TCP port; 0 picks a free one
 * @param bundle        model bundle to load (relative paths resolve against the working directory)
 * @param maxBodyBytes  largest accepted request body; larger bodies get 413
 * @param queueCapacity requests that may wait for inference before new ones get 503
 * @param maxBatch      most requests the inference worker hands the model at once
 */
public record ServeConfig(String host, int port, Path bundle, long maxBodyBytes, int queueCapacity, int maxBatch) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_BUNDLE = "models/dlbugs-default.bundle";
    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;
    public static final int DEFAULT_QUEUE_CAPACITY = 256;
    public static final int DEFAULT_MAX_BATCH = 32;

    public ServeConfig {
        Objects.requireNonNull(bundle, "bundle");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("max body bytes must be positive, got " + maxBodyBytes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, got " + queueCapacity);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be positive, got " + maxBatch);
        }
    }

    /** @return the documented defaults */
    public static ServeConfig defaults() {
        return new ServeConfig(DEFAULT_HOST, DEFAULT_PORT, Path.of(DEFAULT_BUNDLE),
                DEFAULT_MAX_BODY_BYTES, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_BATCH);
    }

    /** @return a copy with another body limit */
    public ServeConfig withMaxBodyBytes(long bytes) {
        return new ServeConfig(host, port, bundle, bytes, queueCapacity, maxBatch);
    }

    /** @return a copy listening elsewhere and serving another bundle */
    public ServeConfig withEndpoint(String newHost, int newPort, Path newBundle) {
        return new ServeConfig(newHost, newPort, newBundle, maxBodyBytes, queueCapacity, maxBatch);
    }

    /** @return a copy with another queue capacity and batch size */
    public ServeConfig withQueue(int capacity, int batch) {
        return new ServeConfig(host, port, bundle, maxBodyBytes, capacity, batch);
    }
}
