package dlbugs.cli;

import dlbugs.label.repo.FixPolicy;
import dlbugs.label.repo.GitFixture;
import dlbugs.model.predict.BundlePredictor;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code dlbugs label-repo} end to end, with the shipped model bundle. */
class LabelRepoCommandTest {

    private static final String TF = "import tensorflow as tf\n\n";

    @TempDir
    Path dir;
    private final CliHarness cli = new CliHarness();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--no-progress";
        all[args.length + 1] = "--bundle";
        all[args.length + 2] = System.getProperty("dlbugs.shippedBundle");
        return cli.run(all);
    }

    private Path history() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("project"))) {
            repo.addRemote("origin", "git@github.com:ada/project.git");
            repo.write("model.py", TF + "x = tf.zeros([2, 3])\n").commit("Initial model");
            repo.write("model.py", TF + "x = tf.reshape(tf.zeros([2, 3]), [3, 2])\n")
                    .commit("Fix ValueError: cannot reshape tensor of shape (2, 3)");
            repo.write("README.md", "# demo\n").commit("Add readme");
            repo.write("train.py", TF + "opt = tf.keras.optimizers.Adam(learning_rate=1e-3)\n")
                    .commit("fix: learning rate too high, loss becomes NaN");
            return repo.dir();
        }
    }

    @Test
    void labels_a_repository_writes_the_report_and_resumes() throws Exception {
        Path repo = history();
        Path labels = dir.resolve("out/labels.jsonl");
        Path report = dir.resolve("report");

        assertThat(run("label-repo", repo.toString(), "--out", labels.toString(), "--report", report.toString(),
                "--corpus", System.getProperty("dlbugs.corpus"))).as(err.toString()).isZero();

        assertThat(Files.readAllLines(labels)).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("\"model_version\"", "\"bug_type\"", "\"stage\"", "\"library\":\"tensorflow\""));
        assertThat(err.toString()).contains("scanned 4 commits", "dlbugs: 2 candidates, 2 records written; skipped: 2 message");
        assertThat(Files.readString(report.resolve("report.md"))).contains("## Bug type", "| commits scanned (this run) | 4 |",
                "| Bug type | tensorflow | tensorflow (2019) | all | all (2019) | accepted |",
                "## Every commit labelled", "](https://github.com/ada/project/commit/",
                " | fix: learning rate too high, loss becomes NaN | tensorflow | ");
        assertThat(Files.readString(report.resolve("report.html"))).contains("<svg", "Root cause",
                "<a href='https://github.com/ada/project/commit/");
        assertThat(Files.readString(report.resolve("report.json"))).contains("\"records\" : 2", "\"commits\" : [",
                "\"subject\" : \"Fix ValueError: cannot reshape tensor of shape (2, 3)\"");

        err.getBuffer().setLength(0);
        assertThat(run("label-repo", repo.toString(), "--out", labels.toString())).isZero();
        assertThat(err.toString()).contains("dlbugs: 2 commits were already labelled in " + labels
                + "; 0 new candidates, 0 records written; skipped: 2 message does not say it fixes something")
                .doesNotContain("dlbugs: 0 candidates");
        assertThat(Files.readAllLines(labels)).hasSize(2);
    }

    @Test
    void report_files_get_the_permissions_of_any_new_file_there() throws Exception {
        Path repo = history();
        Path report = dir.resolve("report");
        Path labels = report.resolve("labels.jsonl");
        assertThat(run("label-repo", repo.toString(), "--out", labels.toString(), "--report", report.toString()))
                .as(err.toString()).isZero();
        assumeTrue(Files.getFileStore(report).supportsFileAttributeView("posix"));

        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(report.resolve("plain")));
        for (String name : List.of("report.md", "report.html", "report.json", "labels.jsonl")) {
            assertThat(Files.getPosixFilePermissions(report.resolve(name))).as(name).isEqualTo(plain);
        }
    }

    @Test
    void a_dry_run_lists_the_candidates_it_would_label() throws Exception {
        Path repo = history();

        assertThat(run("label-repo", repo.toString(), "--dry-run")).as(err.toString()).isZero();

        assertThat(out.toString().lines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).matches("[0-9a-f]{40}\t2024-01-01T15:00\\+02:00\ttensorflow\t"
                        + "fix: learning rate too high, loss becomes NaN"),
                l -> assertThat(l).matches("[0-9a-f]{40}\t2024-01-01T13:00\\+02:00\ttensorflow\t"
                        + "Fix ValueError: cannot reshape tensor of shape \\(2, 3\\)"));
        assertThat(err.toString()).contains("scanned 4 commits", "2 candidates").doesNotContain("classified");
    }

    @Test
    void a_dry_run_times_its_walk_once_the_progress_line_agreeing_with_the_summary() throws Exception {
        Path repo = history();

        assertThat(cli.run("label-repo", repo.toString(), "--dry-run", "--progress-interval", "0")).isZero();

        List<String> lines = err.toString().lines().toList();
        int last = lines.indexOf(lines.stream().filter(l -> l.startsWith("label-repo: 4/4")).reduce((a, b) -> b).orElseThrow());
        int summary = lines.indexOf(lines.stream().filter(l -> l.startsWith("dlbugs: scanned")).findFirst().orElseThrow());
        assertThat(last).as("the meter ends before the summary").isLessThan(summary);
        assertThat(seconds(lines.get(summary), "scanned 4 commits in ([0-9.]+) s"))
                .isCloseTo(seconds(lines.get(last), "in ([0-9.]+) s"), Offset.offset(0.1));
    }

    private static double seconds(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void without_a_terminal_progress_is_plain_lines_not_a_bar() throws Exception {
        Path repo = history();

        // Surefire's forked JVM has no console, as under a pipe or a redirect.
        assertThat(cli.run("label-repo", repo.toString(), "--dry-run", "--progress-interval", "0")).isZero();

        List<String> progress = err.toString().lines().filter(l -> l.startsWith("label-repo: ")).toList();
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progress.get(0)).startsWith("label-repo: 1/4 commits (25%)");
        assertThat(progress.get(progress.size() - 1)).matches("label-repo: 4/4 commits \\(100%\\) in \\d+\\.\\d s, .* commits/s");
        assertThat(err.toString()).doesNotContain("\r", "[=", "? commits/s");

        err.getBuffer().setLength(0);
        assertThat(cli.run("label-repo", repo.toString(), "--dry-run", "--progress-interval", "-1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("dlbugs: --progress-interval must be between 0 and 86400").hasLineCount(1);
    }

    @Test
    void writes_csv_to_standard_output_without_out() throws Exception {
        Path repo = history();

        assertThat(run("label-repo", repo.toString(), "--format", "CSV", "--threshold", "0")).isZero();

        assertThat(out.toString().lines().toList()).hasSize(3)
                .first().asString().startsWith("sha,date,author,subject,library,files,dl_files,truncated");
        int heads = BundlePredictor.load(Path.of(System.getProperty("dlbugs.shippedBundle"))).info().heads().size();
        assertThat(out.toString().lines().skip(1)).allSatisfy(l -> assertThat(l.split(",true", -1)).hasSize(heads + 1));
    }

    @Test
    void bad_input_gets_one_readable_line_and_a_nonzero_exit() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThat(run("label-repo", plain.toString())).isEqualTo(65);
        assertThat(err.toString()).isEqualTo("dlbugs: not a git repository: " + plain + System.lineSeparator());

        Path repo = history();
        for (String[] args : new String[][]{{"--since", "last tuesday"}, {"--format", "xml"}, {"--threshold", "1.5"},
                {"--fix-pattern", "(unclosed"}}) {
            err.getBuffer().setLength(0);
            assertThat(run("label-repo", repo.toString(), args[0], args[1])).as(args[0]).isEqualTo(2);
            assertThat(err.toString()).as(args[0]).startsWith("dlbugs: ").hasLineCount(1);
        }
        err.getBuffer().setLength(0);
        assertThat(run("label-repo", repo.toString(), "--rev", "v9.9")).isEqualTo(65);
        assertThat(err.toString()).contains("unknown revision 'v9.9'").hasLineCount(1);
    }

    @Test
    void the_docs_state_the_default_fix_pattern_the_code_uses() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "label-repos.md"));
        assertThat(readme).contains("`" + FixPolicy.DEFAULT_PATTERN + "`");
    }

    @Test
    void an_empty_repository_is_reported_not_an_error() throws Exception {
        try (GitFixture empty = GitFixture.init(dir.resolve("empty"))) {
            assertThat(run("label-repo", empty.dir().toString(), "--report", dir.resolve("r").toString())).isZero();
            assertThat(err.toString()).contains("has no commits; nothing to label", "scanned 0 commits");
            assertThat(dir.resolve("r/report.html")).exists();
        }
    }
}
