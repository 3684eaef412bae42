package dlbugs.label.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.Utils;

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
    /** Where a local job's driver listens: nothing outside this machine talks to it. */
    static final String LOOPBACK = "127.0.0.1";

    private SparkSettings() {
    }

    /**
     * @param master the master, or null for spark-submit's or {@code local[*]}
     * @param conf   settings given on the command line; they win over the defaults here
     * @return a session, or the one spark-submit already made
     */
    public static SparkSession session(String master, Map<String, String> conf) {
        return SparkSession.builder().config(conf(master, conf, System.getenv())).getOrCreate();
    }

    /** @return the settings of {@link #session}, given the process's environment */
    static SparkConf conf(String master, Map<String, String> conf, Map<String, String> env) {
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
        if (isLocal(c.get("spark.master")) && !env.containsKey("SPARK_LOCAL_IP") && !env.containsKey("SPARK_LOCAL_HOSTNAME")) {
            listenOnLoopback(c);
        }
        return c;
    }

    /**
     * A local job runs in this JVM, so its driver needs no address other machines reach: it listens
     * on the loopback interface only, under that name. Spark otherwise looks the host name up,
     * and where it resolves to a loopback address (most laptops and containers) warns that it
     * picked another interface and that SPARK_LOCAL_IP could change that, about an address that
     * nothing uses. {@code setCustomHostname} is what SPARK_LOCAL_HOSTNAME sets, for this JVM.
     */
    private static void listenOnLoopback(SparkConf c) {
        c.setIfMissing("spark.driver.host", LOOPBACK);
        c.setIfMissing("spark.driver.bindAddress", c.get("spark.driver.host"));
        Utils.setCustomHostname(c.get("spark.driver.host"));
    }

    /** @return whether a master runs the tasks inside this JVM: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]} */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
