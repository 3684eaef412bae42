package dlbugs.label.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The study's tables over every repository's records, in Spark SQL: the records are stacked into
 * one (repo, library, head, label, accepted) row per record and head, then counted per head,
 * library and label, both per repository and over all of them. The heads come from the bundle,
 * so a new head is a new entry in the list, not a new query.
 *
 * @param perRepo      counts per repository
 * @param overall      counts over all repositories ({@code repo} "")
 * @param repoLibrary  records per repository and library (the denominators of the shares)
 */
public record CrossRepoTables(List<LabelCount> perRepo, List<LabelCount> overall, List<LabelCount> repoLibrary) {

    public CrossRepoTables {
        perRepo = List.copyOf(perRepo);
        overall = List.copyOf(overall);
        repoLibrary = List.copyOf(repoLibrary);
    }

    /**
     * @param spark   the session
     * @param records the records, with the {@code repo} column ({@code label-repo}'s JSON lines, partitioned)
     * @param heads   the heads to count, in order
     */
    static CrossRepoTables compute(SparkSession spark, Dataset<Row> records, List<String> heads) {
        records.createOrReplaceTempView("records");
        String stacked = heads.stream().map(h -> "SELECT repo, library, '" + h + "' AS head, heads.`" + h
                + "`.label AS label, heads.`" + h + "`.accepted AS accepted FROM records")
                .collect(Collectors.joining(" UNION ALL "));
        spark.sql(stacked).createOrReplaceTempView("labels");
        String counts = "count(*) AS records, sum(CASE WHEN accepted THEN 1 ELSE 0 END) AS accepted";
        List<LabelCount> perRepo = rows(spark.sql("SELECT head, repo, library, label, " + counts
                + " FROM labels GROUP BY head, repo, library, label"));
        List<LabelCount> overall = rows(spark.sql("SELECT head, '' AS repo, library, label, " + counts
                + " FROM labels GROUP BY head, library, label"));
        List<LabelCount> libs = rows(spark.sql("SELECT '' AS head, repo, library, '' AS label, count(*) AS records, "
                + "0 AS accepted FROM records GROUP BY repo, library"));
        return new CrossRepoTables(perRepo, overall, libs);
    }

    /** @return tables over no records */
    static CrossRepoTables empty() {
        return new CrossRepoTables(List.of(), List.of(), List.of());
    }

    private static List<LabelCount> rows(Dataset<Row> df) {
        List<LabelCount> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(new LabelCount(r.getString(0), r.getString(1), r.getString(2), r.isNullAt(3) ? "" : r.getString(3),
                    ((Number) r.get(4)).longValue(), ((Number) r.get(5)).longValue()));
        }
        out.sort(java.util.Comparator.comparing(LabelCount::head).thenComparing(LabelCount::repo)
                .thenComparing(LabelCount::library).thenComparing(LabelCount::label));
        return out;
    }

    /** @return records of {@code head} with {@code label} in {@code library} (null: all), of one repo or all (null) */
    public long count(String head, String repo, String library, String label) {
        return (repo == null ? overall : perRepo).stream()
                .filter(c -> c.head().equals(head) && c.label().equals(label)
                        && (repo == null || c.repo().equals(repo)) && (library == null || c.library().equals(library)))
                .mapToLong(LabelCount::records).sum();
    }

    /** @return records of one repo (null: all) in one library (null: all) */
    public long records(String repo, String library) {
        return repoLibrary.stream().filter(c -> (repo == null || c.repo().equals(repo))
                && (library == null || c.library().equals(library))).mapToLong(LabelCount::records).sum();
    }

    /** @return the libraries seen, by name */
    public List<String> libraries() {
        return repoLibrary.stream().map(LabelCount::library).distinct().sorted().toList();
    }

    /** @return the repositories with records, by name */
    public List<String> repos() {
        return repoLibrary.stream().map(LabelCount::repo).distinct().sorted().toList();
    }

    /** @return the labels of a head seen in the records, by name */
    public List<String> labels(String head) {
        return overall.stream().filter(c -> c.head().equals(head)).map(LabelCount::label).distinct().sorted().toList();
    }
}
