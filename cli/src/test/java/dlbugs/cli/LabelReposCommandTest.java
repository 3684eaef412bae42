package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.label.cli.LabelReposCommand;
import dlbugs.label.repo.GitFixture;
import dlbugs.label.spark.RepoOutput;
import dlbugs.label.spark.RepoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dlbugs label-repos} end to end on Spark {@code local[2]}, with the shipped model: three
 * repositories (one opened by path, one cloned by URL, one broken), against {@code label-repo}
 * run on each alone.
 */
class LabelReposCommandTest {

    private static final String TF = "import tensorflow as tf\n\n";
    private static final String TORCH = "import torch\n\n";

    @TempDir
    Path dir;

    private CliHarness cli = new CliHarness();

    private int run(String... args) {
        cli = new CliHarness();
        return cli.run(args);
    }

    private String bundle() {
        return System.getProperty("dlbugs.shippedBundle");
    }

    private String[] spark(String list, Path out) {
        return new String[]{"label-repos", list, "--out", out.toString(), "--bundle", bundle(), "--master", "local[2]",
                "--corpus", System.getProperty("dlbugs.corpus"),
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.sql.shuffle.partitions=2"};
    }

    private Path tensorflow() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("tf-project"))) {
            repo.write("model.py", TF + "x = tf.zeros([2, 3])\n").commit("Initial model");
            repo.write("model.py", TF + "x = tf.reshape(tf.zeros([2, 3]), [3, 2])\n")
                    .commit("Fix ValueError: cannot reshape tensor of shape (2, 3)");
            repo.write("README.md", "# demo\n").commit("Add readme");
            repo.write("train.py", TF + "opt = tf.keras.optimizers.Adam(learning_rate=1e-3)\n")
                    .commit("fix: learning rate too high, loss becomes NaN");
            return repo.dir();
        }
    }

    private Path torch() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("torch-project"))) {
            repo.write("net.py", TORCH + "x = torch.zeros(2, 3)\n").commit("Initial net");
            repo.write("net.py", TORCH + "x = torch.zeros(2, 3).cuda()\n")
                    .commit("Fix RuntimeError: expected CUDA tensor but got CPU tensor");
            repo.write("net.py", TORCH + "x = torch.zeros(2, 3).cuda().float()\n")
                    .commit("fix dtype mismatch in loss");
            return repo.dir();
        }
    }

    private List<String> alone(Path repo, String name) throws Exception {
        Path out = dir.resolve("alone/" + name + ".jsonl");
        assertThat(run("label-repo", repo.toString(), "--out", out.toString(), "--no-progress", "--bundle", bundle()))
                .as(cli.err.toString()).isZero();
        return Files.readAllLines(out);
    }

    @Test
    void labels_three_repositories_records_the_broken_one_and_redoes_only_what_is_missing() throws Exception {
        Path tf = tensorflow();
        Path torch = torch();
        Path broken = Files.createDirectories(dir.resolve("not-a-repo"));
        Files.writeString(broken.resolve("file.txt"), "no .git here\n");
        RepoSource tfSource = new RepoSource(tf.toString(), null);
        RepoSource torchSource = new RepoSource(torch.toUri().toString(), null);
        Path list = Files.writeString(dir.resolve("repos.txt"), "# three repositories\n" + tfSource.source() + "\n"
                + torchSource.source() + " HEAD\n" + broken + "\n");
        Path out = dir.resolve("out");

        // One repository failed: the others are labelled and reported, and the exit code says so.
        assertThat(run(spark(list.toString(), out))).as(cli.err.toString()).isEqualTo(LabelReposCommand.REPOSITORIES_FAILED);
        assertThat(cli.err.toString()).contains("3 repositories: 2 labelled now, 0 complete already, 1 failed; 4 records",
                broken + " failed: ");

        RepoOutput layout = new RepoOutput(out);
        assertThat(Files.readAllLines(layout.done(tfSource.id()).resolve(RepoOutput.RECORDS)))
                .hasSize(2).containsExactlyInAnyOrderElementsOf(alone(tf, "tf"));
        assertThat(Files.readAllLines(layout.done(torchSource.id()).resolve(RepoOutput.RECORDS)))
                .hasSize(2).containsExactlyInAnyOrderElementsOf(alone(torch, "torch"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0).path("failure").asText()).isEmpty();
        assertThat(summary.get(0).path("status").asText()).isEqualTo("labelled");
        assertThat(summary.get(2).path("status").asText()).isEqualTo("failed");
        // The counts add up to the records written.
        long records = 0;
        for (JsonNode s : summary) {
            records += s.path("labelled").asLong();
        }
        assertThat(records).isEqualTo(4);
        assertThat(summary.get(0).path("scanned").asLong()).isEqualTo(4);
        assertThat(summary.get(0).path("skipped").path("not_a_fix").asLong()).isEqualTo(2);
        assertThat(summary.get(2).path("failure").asText()).contains("not-a-repo");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Bug type: all repositories",
                "## Root cause: per repository", "tensorflow (2019)", "torch (2019)", "labelled rows of its workbooks");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "Islam et al. 2019");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"study_share\"", "\"by_repository\"");
        assertThat(Files.isDirectory(out.resolve("records.parquet").resolve("repo=" + tfSource.id()))).isTrue();

        FileTime tfWritten = Files.getLastModifiedTime(layout.done(tfSource.id()).resolve(RepoOutput.RECORDS));
        RepoOutputs.delete(layout.done(torchSource.id()));
        assertThat(run(spark(list.toString(), out))).as(cli.err.toString()).isEqualTo(LabelReposCommand.REPOSITORIES_FAILED);
        // The torch repository is redone, the broken one is tried again, the tensorflow one is left alone.
        assertThat(cli.err.toString()).contains("3 repositories, 1 complete already, 2 to label",
                "3 repositories: 1 labelled now, 1 complete already, 1 failed; 4 records; report written to");
        assertThat(Files.getLastModifiedTime(layout.done(tfSource.id()).resolve(RepoOutput.RECORDS))).isEqualTo(tfWritten);
        assertThat(Files.readAllLines(layout.done(torchSource.id()).resolve(RepoOutput.RECORDS)))
                .containsExactlyInAnyOrderElementsOf(alone(torch, "torch-again"));

        // Without the broken repository there is nothing to do: no failure, and the report stands as it is.
        Path good = Files.writeString(dir.resolve("good.txt"), tfSource.source() + "\n" + torchSource.source() + " HEAD\n");
        assertThat(run(spark(good.toString(), out))).as(cli.err.toString()).isZero();
        assertThat(cli.err.toString()).contains("2 repositories: 0 labelled now, 2 complete already, 0 failed; 4 records");
        FileTime report = Files.getLastModifiedTime(out.resolve("report.md"));
        assertThat(run(spark(good.toString(), out))).as(cli.err.toString()).isZero();
        assertThat(cli.err.toString()).contains("report unchanged at");
        assertThat(Files.getLastModifiedTime(out.resolve("report.md"))).isEqualTo(report);
    }
}
