package dlbugs.label.repo;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitScannerTest {

    private static final String TF = "import tensorflow as tf\n\n";

    @TempDir
    Path dir;
    private GitFixture repo;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"));
    }

    private Map<String, ScanOutcome> scan(RevSelection selection, FixPolicy policy) throws Exception {
        Map<String, ScanOutcome> out = new LinkedHashMap<>();
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            scanner.scan(selection, policy, sha -> false, o -> out.put(o.commit().subject(), o));
        }
        return out;
    }

    private Map<String, ScanOutcome> scan() throws Exception {
        return scan(new RevSelection("HEAD", null), FixPolicy.standard());
    }

    private static ScanOutcome.Candidate candidate(ScanOutcome o) {
        assertThat(o).isInstanceOf(ScanOutcome.Candidate.class);
        return (ScanOutcome.Candidate) o;
    }

    @Test
    void the_remote_is_origin_else_the_first_one_configured() throws Exception {
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            assertThat(scanner.remoteUrl()).isEmpty();
        }
        repo.addRemote("upstream", "git@github.com:up/stream.git").addRemote("fork", "https://example.org/fork.git");
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            assertThat(scanner.remoteUrl()).contains("git@github.com:up/stream.git");
        }
        repo.addRemote("origin", "https://github.com/me/project.git");
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            assertThat(scanner.remoteUrl()).contains("https://github.com/me/project.git");
        }
    }

    @Test
    void selects_fixes_touching_dl_code_and_says_why_others_are_skipped() throws Exception {
        repo.write("model.py", TF + "x = tf.constant(1)\n").write("README.md", "hello\n").commit("Initial model");
        repo.write("model.py", TF + "x = tf.constant(1.0)\n").commit("Fix dtype of the constant");
        repo.write("README.md", "hello world\n").commit("Fix typo in README");
        repo.write("util.py", "import os\nprint(os.sep)\n").commit("fix path separator");
        repo.write("model.py", TF + "x = tf.constant(2.0)\n").commit("Tune the constant");
        repo.write("net.prototxt", "layer { name: 'conv1' }\n").commit("Fixes the conv layer name");
        repo.write("train.lua", "require 'nn'\nlocal m = nn.Sequential()\n").commit("crash when building the net");
        repo.write("k.py", "from keras.layers import Dense\nDense(3)\n").commit("Resolved wrong units in Dense");

        Map<String, ScanOutcome> got = scan();

        assertThat(got).hasSize(8);
        assertThat(candidate(got.get("Fix dtype of the constant")).library()).isEqualTo("tensorflow");
        assertThat(candidate(got.get("Fixes the conv layer name")).library()).isEqualTo("caffe");
        assertThat(candidate(got.get("crash when building the net")).library()).isEqualTo("torch");
        assertThat(candidate(got.get("Resolved wrong units in Dense")).library()).isEqualTo("keras");
        assertThat(got.get("Initial model")).isEqualTo(new ScanOutcome.Skipped(got.get("Initial model").commit(), SkipReason.NOT_A_FIX));
        assertThat(got.get("Tune the constant")).isInstanceOf(ScanOutcome.Skipped.class);
        assertThat(((ScanOutcome.Skipped) got.get("Fix typo in README")).reason()).isEqualTo(SkipReason.NO_DL_CODE);
        assertThat(((ScanOutcome.Skipped) got.get("fix path separator")).reason()).isEqualTo(SkipReason.NO_DL_CODE);
        ScanOutcome.Candidate fix = candidate(got.get("Fix dtype of the constant"));
        assertThat(fix.changes()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("model.py");
            assertThat(c.change()).isEqualTo("MODIFY");
            assertThat(c.diff()).startsWith("@@").contains("-x = tf.constant(1)", "+x = tf.constant(1.0)");
            assertThat(c.truncated()).isFalse();
        });
        assertThat(fix.commit().author()).isEqualTo("Ada Lovelace");
        assertThat(fix.commit().date().toString()).isEqualTo("2024-01-01T13:00+02:00");
    }

    @Test
    void all_commits_and_a_custom_pattern_change_the_selection() throws Exception {
        repo.write("model.py", TF + "a = 1\n").commit("Initial model");
        repo.write("model.py", TF + "a = 2\n").commit("Correct the learning rate");

        assertThat(scan(new RevSelection(null, null), new FixPolicy(FixPolicy.standard().pattern(), true)).values())
                .allMatch(o -> o instanceof ScanOutcome.Candidate);
        assertThat(scan(new RevSelection(null, null), new FixPolicy(java.util.regex.Pattern.compile("(?i)correct"), false))
                .get("Correct the learning rate")).isInstanceOf(ScanOutcome.Candidate.class);
    }

    @Test
    void a_merge_is_diffed_against_its_first_parent() throws Exception {
        repo.write("a.py", TF + "a = 1\n").write("b.py", TF + "b = 1\n").commit("Initial");
        repo.branch("topic");
        repo.write("b.py", TF + "b = 2\n").commit("Change b");
        repo.checkout("main");
        repo.write("a.py", TF + "a = 2\n").commit("Change a");
        repo.merge("topic", "Merge branch 'topic': fix b");

        ScanOutcome.Candidate merge = candidate(scan().get("Merge branch 'topic': fix b"));

        assertThat(merge.commit().parents()).isEqualTo(2);
        assertThat(merge.changes()).extracting(FileChange::path).containsExactly("b.py");
    }

    @Test
    void renames_binaries_and_non_utf8_bytes_are_handled() throws Exception {
        String body = TF + "def build():\n" + "    layer = tf.keras.layers.Dense(10)\n".repeat(20);
        repo.write("old_name.py", body).write("weights.py", new byte[]{0, 1, 2, 'i', 'm', 'p', 0, 'x'}).commit("Initial");
        repo.delete("old_name.py").write("new_name.py", body.replaceFirst("Dense\\(10\\)", "Dense(12)"))
                .commit("Fix rename of the builder");
        repo.write("weights.py", new byte[]{0, 9, 9, 'i', 'm', 'p', 0, 'y', 0}).commit("fix weights blob");
        byte[] latin1 = (TF + "# caf\u00e9 na\u00efve\nx = 1\n").getBytes(StandardCharsets.ISO_8859_1);
        repo.write("latin.py", latin1).commit("fix comment encoding");

        Map<String, ScanOutcome> got = scan();

        FileChange renamed = candidate(got.get("Fix rename of the builder")).changes().get(0);
        assertThat(renamed.change()).isEqualTo("RENAME");
        assertThat(renamed.oldPath()).isEqualTo("old_name.py");
        assertThat(renamed.path()).isEqualTo("new_name.py");
        assertThat(renamed.text()).startsWith("--- a/old_name.py\n+++ b/new_name.py\n@@");
        assertThat(((ScanOutcome.Skipped) got.get("fix weights blob")).reason()).isEqualTo(SkipReason.NO_DL_CODE);
        assertThat(candidate(got.get("fix comment encoding")).changes().get(0).diff()).contains("caf\u00e9 na\u00efve");
    }

    @Test
    void a_submodule_is_never_dl_code() throws Exception {
        try (GitFixture other = GitFixture.init(dir.resolve("other"))) {
            other.write("lib.py", TF + "v = 1\n").commit("Initial");
            repo.write("m.py", TF + "a = 1\n").commit("Initial");
            repo.addSubmodule("vendor/lib", other.dir());
            repo.commit("fix: pin the vendored library");
        }

        ScanOutcome got = scan().get("fix: pin the vendored library");

        assertThat(got).isInstanceOf(ScanOutcome.Skipped.class);
        assertThat(((ScanOutcome.Skipped) got).reason()).isEqualTo(SkipReason.NO_DL_CODE);
    }

    @Test
    void huge_diffs_are_capped_and_marked() throws Exception {
        repo.write("big.py", TF + "x = 0\n").write("huge.py", TF).commit("Initial");
        repo.write("big.py", TF + "y = tf.zeros([3])\n".repeat(5_000)).commit("Fix big");
        repo.write("huge.py", TF + "z = 1\n".repeat(200_000)).commit("Fix huge");

        Map<String, ScanOutcome> got = scan();

        FileChange big = candidate(got.get("Fix big")).changes().get(0);
        assertThat(big.truncated()).isTrue();
        assertThat(big.diff()).hasSize(CommitScanner.MAX_FILE_DIFF);
        FileChange huge = candidate(got.get("Fix huge")).changes().get(0);
        assertThat(huge.truncated()).isTrue();
        assertThat(huge.diff()).startsWith("[diff not included: file larger than");
        assertThat(candidate(got.get("Fix huge")).truncated()).isTrue();
    }

    @Test
    void a_shallow_boundary_and_missing_objects_are_skipped_with_their_reason() throws Exception {
        repo.write("m.py", TF + "a = 1\n").commit("Initial");
        RevCommit boundary = repo.write("m.py", TF + "a = 2\n").commit("fix a at the boundary");
        RevCommit damaged = repo.write("m.py", TF + "a = 'unique content 1234'\n").commit("fix a again");
        repo.write("m.py", TF + "a = 4\n").commit("fix a once more");
        repo.deleteObject(repo.blobOf(damaged, "m.py"));
        repo.makeShallowAt(boundary);

        Map<String, ScanOutcome> got = scan();

        assertThat(got).containsOnlyKeys("fix a at the boundary", "fix a again", "fix a once more");
        assertThat(((ScanOutcome.Skipped) got.get("fix a at the boundary")).reason()).isEqualTo(SkipReason.SHALLOW_BOUNDARY);
        assertThat(((ScanOutcome.Skipped) got.get("fix a again")).reason()).isEqualTo(SkipReason.MISSING_OBJECTS);
        assertThat(got.get("fix a once more")).isInstanceOf(ScanOutcome.Skipped.class);
    }

    @Test
    void a_missing_commit_stops_the_walk_with_a_clear_message_after_reporting_what_it_read() throws Exception {
        RevCommit first = repo.write("m.py", TF + "a = 1\n").commit("Initial");
        repo.write("m.py", TF + "a = 2\n").commit("fix a");
        repo.deleteObject(first);
        List<String> seen = new ArrayList<>();

        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            assertThatThrownBy(() -> scanner.scan(new RevSelection(null, null), FixPolicy.standard(), s -> false,
                    o -> seen.add(o.commit().subject())))
                    .isInstanceOf(RepoException.class).hasMessageContaining("history is incomplete");
        }
    }

    @Test
    void rev_ranges_and_since_limit_the_walk_and_count_agrees_with_scan() throws Exception {
        repo.write("m.py", TF + "a = 1\n").commit("fix 1");
        RevCommit second = repo.write("m.py", TF + "a = 2\n").commit("fix 2");
        repo.write("m.py", TF + "a = 3\n").commit("fix 3");
        repo.write("m.py", TF + "a = 4\n").commit("fix 4");

        assertThat(scan(new RevSelection(second.name() + "..HEAD", null), FixPolicy.standard())).containsOnlyKeys("fix 3", "fix 4");
        assertThat(scan(new RevSelection("HEAD~1", null), FixPolicy.standard())).containsOnlyKeys("fix 1", "fix 2", "fix 3");
        Instant since = Instant.parse("2024-01-01T11:30:00Z");
        assertThat(scan(new RevSelection(null, since), FixPolicy.standard())).containsOnlyKeys("fix 3", "fix 4");
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            assertThat(scanner.count(new RevSelection(null, since))).isEqualTo(2);
            assertThat(scanner.count(new RevSelection(null, null))).isEqualTo(4);
            assertThatThrownBy(() -> scanner.count(new RevSelection("no-such-branch", null)))
                    .isInstanceOf(RepoException.class).hasMessage("unknown revision 'no-such-branch'");
        }
    }

    @Test
    void an_empty_repository_has_nothing_to_walk_and_a_plain_directory_is_refused() throws Exception {
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            assertThat(scanner.isEmpty()).isTrue();
            assertThat(scanner.count(new RevSelection(null, null))).isZero();
            List<ScanOutcome> seen = new ArrayList<>();
            scanner.scan(new RevSelection(null, null), FixPolicy.standard(), s -> false, seen::add);
            assertThat(seen).isEmpty();
        }
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> CommitScanner.open(plain)).isInstanceOf(RepoException.class)
                .hasMessage("not a git repository: " + plain);
        assertThatThrownBy(() -> CommitScanner.open(dir.resolve("absent"))).hasMessageStartingWith("no such directory");
    }

    @Test
    void parallel_diffing_reports_the_same_outcomes_in_walk_order() throws Exception {
        for (int i = 0; i < 40; i++) {
            repo.write("m" + (i % 3) + ".py", TF + "a = " + i + "\n").commit(i % 4 == 0 ? "Tune " + i : "fix " + i);
        }
        List<List<ScanOutcome>> runs = new ArrayList<>();
        for (int threads : new int[]{1, 3}) {
            List<ScanOutcome> seen = new ArrayList<>();
            try (CommitScanner scanner = CommitScanner.open(repo.dir(), threads)) {
                scanner.scan(new RevSelection(null, null), FixPolicy.standard(), s -> false, seen::add);
            }
            runs.add(seen);
        }
        assertThat(runs.get(0)).hasSize(40).isEqualTo(runs.get(1));
        assertThat(runs.get(0).get(0).commit().subject()).isEqualTo("fix 39");
    }

    @Test
    void already_labelled_commits_are_skipped_before_any_diff() throws Exception {
        RevCommit fix = repo.write("m.py", TF + "a = 1\n").commit("fix 1");
        List<ScanOutcome> seen = new ArrayList<>();
        try (CommitScanner scanner = CommitScanner.open(repo.dir())) {
            scanner.scan(new RevSelection(null, null), FixPolicy.standard(), fix.name()::equals, seen::add);
        }
        assertThat(seen).singleElement().isEqualTo(new ScanOutcome.Skipped(seen.get(0).commit(), SkipReason.ALREADY_LABELLED));
    }
}
