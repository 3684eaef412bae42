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
 * @param maxBatch      most requests an inference worker hands the model at once
 * @param maxBatchItems most instances one {@code POST /classify/batch} may hold
 * @param replicas      model replicas, one inference worker each
 * @param adminToken    bearer token for admin endpoints; null disables them
 */
public record ServeConfig(String host, int port, Path bundle, long maxBodyBytes, int queueCapacity, int maxBatch,
                          int maxBatchItems, int replicas, String adminToken) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_BUNDLE = "models/dlbugs-default.bundle";
    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;
    public static final int DEFAULT_QUEUE_CAPACITY = 256;
    public static final int DEFAULT_MAX_BATCH = 32;
    public static final int DEFAULT_MAX_BATCH_ITEMS = 64;

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
        if (maxBatchItems < 1 || maxBatchItems > queueCapacity) {
            throw new IllegalArgumentException("max batch items must be in 1.." + queueCapacity + " (the queue capacity), got "
                    + maxBatchItems);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be positive, got " + replicas);
        }
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    /** Never prints the admin token. */
    @Override
    public String toString() {
        return "ServeConfig[host=" + host + ", port=" + port + ", bundle=" + bundle + ", maxBodyBytes=" + maxBodyBytes
                + ", queueCapacity=" + queueCapacity + ", maxBatch=" + maxBatch + ", maxBatchItems=" + maxBatchItems
                + ", replicas=" + replicas + ", adminToken=" + (adminToken == null ? "unset" : "set") + "]";
    }

    /** @return the documented defaults */
    public static ServeConfig defaults() {
        return new ServeConfig(DEFAULT_HOST, DEFAULT_PORT, Path.of(DEFAULT_BUNDLE), DEFAULT_MAX_BODY_BYTES,
                DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_BATCH, DEFAULT_MAX_BATCH_ITEMS, 1, null);
    }

    /** @return a copy with another body limit */
    public ServeConfig withMaxBodyBytes(long bytes) {
        return new ServeConfig(host, port, bundle, bytes, queueCapacity, maxBatch, maxBatchItems, replicas, adminToken);
    }

    /** @return a copy listening elsewhere and serving another bundle */
    public ServeConfig withEndpoint(String newHost, int newPort, Path newBundle) {
        return new ServeConfig(newHost, newPort, newBundle, maxBodyBytes, queueCapacity, maxBatch, maxBatchItems, replicas,
                adminToken);
    }

    /** @return a copy with another queue capacity and batch size */
    public ServeConfig withQueue(int capacity, int batch) {
        return new ServeConfig(host, port, bundle, maxBodyBytes, capacity, batch, Math.min(maxBatchItems, capacity),
                replicas, adminToken);
    }

    /** @return a copy with other batch-request, replica and admin settings */
    public ServeConfig withServing(int batchItems, int newReplicas, String token) {
        return new ServeConfig(host, port, bundle, maxBodyBytes, queueCapacity, maxBatch, batchItems, newReplicas, token);
    }
}
