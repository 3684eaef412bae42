package dlbugs.label.spark;

import dlbugs.label.repo.LabelRecord;
import dlbugs.label.repo.RecordFormat;
import dlbugs.label.repo.RepoTally;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark SQL tables of {@code label-repos} over records written as {@code label-repo} writes
 * them (no model: the records are made up): each repository's counts equal a {@link RepoTally}
 * of its file, and the cross-repository counts are the sum of the repositories'.
 */
class CrossRepoTablesTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSettings.session("local[2]", Map.of("spark.ui.enabled", "false",
                "spark.driver.bindAddress", "127.0.0.1", "spark.driver.host", "127.0.0.1",
                "spark.sql.shuffle.partitions", "2"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void the_cross_repository_tables_are_the_sum_of_the_per_repository_tables() throws Exception {
        List<Head> heads = Taxonomy.islam2019().heads();
        RepoOutput out = new RepoOutput(dir);
        Random random = new Random(14);
        Map<String, RepoTally> tallies = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (String repo : List.of("alpha-0001", "beta-0002", "gamma-0003")) {
            RepoTally tally = new RepoTally(heads);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 40 + random.nextInt(40); i++) {
                LabelRecord r = record(heads, random, repo + i);
                tally.record(r, false);
                lines.append(RecordFormat.JSONL.line(r)).append('\n');
            }
            Path f = Files.createDirectories(out.done(repo)).resolve(RepoOutput.RECORDS);
            Files.writeString(f, lines);
            files.add(f.toString());
            tallies.put(repo, tally);
        }
        Dataset<Row> records = spark.read().option("basePath", out.recordsRoot().toString())
                .json(files.toArray(String[]::new));

        CrossRepoTables t = CrossRepoTables.compute(spark, records, heads.stream().map(Head::name).toList());

        assertThat(t.repos()).containsExactlyElementsOf(tallies.keySet());
        for (Head h : heads) {
            for (String label : h.labels()) {
                for (String lib : List.of("keras", "tensorflow", "torch")) {
                    long sum = 0;
                    for (Map.Entry<String, RepoTally> e : tallies.entrySet()) {
                        long mine = t.count(h.name(), e.getKey(), lib, label);
                        assertThat(mine).as(e.getKey() + " " + h.name() + " " + label + " " + lib)
                                .isEqualTo(e.getValue().count(h.name(), label, lib, false));
                        sum += mine;
                    }
                    assertThat(t.count(h.name(), null, lib, label)).as(h.name() + " " + label + " " + lib).isEqualTo(sum);
                }
            }
        }
        assertThat(t.records(null, null)).isEqualTo(tallies.values().stream().mapToLong(RepoTally::records).sum());
        String md = new CrossRepoReport(heads, List.of(), t, Optional.empty()).markdown();
        assertThat(md).contains("## Root cause: all repositories", "| alpha-0001 | beta-0002 | gamma-0003 |");
    }

    private static LabelRecord record(List<Head> heads, Random random, String sha) {
        List<String> libs = List.of("keras", "tensorflow", "torch");
        List<LabelRecord.HeadLabel> labels = heads.stream().map(h -> new LabelRecord.HeadLabel(h.name(),
                h.labels().get(random.nextInt(h.labels().size())), random.nextDouble(), random.nextBoolean())).toList();
        return new LabelRecord(sha, "2026-01-01T00:00Z", "Ada", "fix " + sha, libs.get(random.nextInt(libs.size())),
                List.of("a.py"), List.of("a.py"), false, null, "1", labels);
    }
}
