package dlbugs.label.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * The Spark session of {@code label-repos}: the master spark-submit gives, else the one asked
 * for, else {@code local[*]}; and what DL4J needs on every executor. ND4J allocates its arrays
 * off the JVM heap, so a container sized by {@code spark.executor.memory} alone would be killed:
 * the overhead covers JavaCPP's limits, which the executor's JVM options set.
 */
public final class SparkSettings {

    /** JavaCPP's off-heap limits, as {@code bin/dlbugs} sets them for the CLI. */
    static final String OFFHEAP = "-Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G";

    private SparkSettings() {
    }

    /**
     * @param master the master, or null for spark-submit's or {@code local[*]}
     * @param conf   settings given on the command line; they win over the defaults here
     * @return a session, or the one spark-submit already made
     */
    public static SparkSession session(String master, Map<String, String> conf) {
        SparkConf c = new SparkConf().setAppName("dlbugs label-repos");
        if (master != null) {
            c.setMaster(master);
        } else if (!c.contains("spark.master")) {
            c.setMaster("local[*]");
        }
        c.setIfMissing("spark.executor.memoryOverhead", "4g");
        c.setIfMissing("spark.executor.extraJavaOptions", OFFHEAP);
        c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        // One task per repository is the unit of work: a speculative copy would label it twice.
        c.setIfMissing("spark.speculation", "false");
        c.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.forEach(c::set);
        return SparkSession.builder().config(c).getOrCreate();
    }
}
