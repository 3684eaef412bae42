package dlbugs.label.spark;

import org.apache.spark.sql.SparkSession;

import java.util.function.Supplier;

/**
 * A Spark session started the first time it is asked for, and stopped on close if it was: a
 * {@code label-repos} run with nothing to label and a current report never starts one (starting
 * it is most of what such a run would cost).
 */
public final class SparkOnDemand implements Supplier<SparkSession>, AutoCloseable {

    private final Supplier<SparkSession> start;
    private SparkSession session;

    /** @param start makes the session (say, {@link SparkSettings#session}) */
    public SparkOnDemand(Supplier<SparkSession> start) {
        this.start = start;
    }

    @Override
    public synchronized SparkSession get() {
        if (session == null) {
            session = start.get();
        }
        return session;
    }

    /** @return whether the session was started */
    public synchronized boolean started() {
        return session != null;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.stop();
        }
    }
}
