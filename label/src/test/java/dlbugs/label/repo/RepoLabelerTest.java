package dlbugs.label.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoLabelerTest {

    private static final String TF = "import tensorflow as tf\n\n";
    private static final List<Head> HEADS = Taxonomy.islam2019().heads();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Labels by content: a diff adding a reshape gets each head's first label, others its second. */
    static final class FakePredictor implements Predictor {
        int calls;

        @Override
        public List<Prediction> predictAll(List<BugReport> reports) {
            calls++;
            List<Prediction> out = new ArrayList<>();
            for (BugReport r : reports) {
                if (r.title().contains("nothing known")) {
                    throw new NoUsableContentException("no known feature");
                }
                boolean reshape = r.diff().contains("+y = tf.reshape");
                out.add(new Prediction(HEADS.stream().map(h -> new HeadPrediction(h.name(), h.labels().get(reshape ? 0 : 1),
                        reshape ? 0.9 : 0.4, List.of(new HeadPrediction.LabelScore(h.labels().get(reshape ? 0 : 1), 1.0)),
                        0.5)).toList()));
            }
            return out;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "v1", HEADS);
        }
    }

    @TempDir
    Path dir;
    private GitFixture repo;
    private int commits;
    private int candidates;

    /** 36 commits: 16 candidates (a merge, a rename, a Latin-1 file and one with nothing known among them). */
    @BeforeEach
    void history() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"));
        repo.write("model.py", TF + "x = tf.zeros([2, 3])\n").write("README.md", "# demo\n")
                .write("logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}).commit("Initial import");
        commits = 1;
        for (int i = 0; i < 12; i++) {
            String op = i % 2 == 0 ? "tf.reshape(x, [3, 2])" : "tf.transpose(x)";
            repo.write("model.py", TF + "x = tf.zeros([2, 3])\ny = " + op + "  # " + i + "\n").commit("Fix shape bug " + i);
            repo.write("README.md", "# demo " + i + "\n").commit("Document step " + i);
            commits += 2;
            candidates++;
        }
        repo.write("logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 2}).commit("fix logo");
        repo.branch("topic");
        repo.write("data.py", TF + "d = tf.data.Dataset.range(3)\n").commit("Add data pipeline");
        repo.checkout("main");
        repo.merge("topic", "Merge topic: fix the input pipeline");
        repo.delete("data.py").write("input_data.py", TF + "d = tf.data.Dataset.range(3)\n").commit("fix: rename data module");
        repo.write("latin.py", (TF + "# d\u00e9j\u00e0 vu\nz = 1\n").getBytes(StandardCharsets.ISO_8859_1)).commit("fix latin comment");
        repo.write("nothing.py", TF + "w = 0\n").commit("fix nothing known");
        commits += 6;
        candidates += 4;
    }

    private RepoTally run(Path out, RecordFormat format, boolean perHunk, Predictor predictor) throws Exception {
        return run(out, format, perHunk, predictor, commits);
    }

    private RepoTally run(Path out, RecordFormat format, boolean perHunk, Predictor predictor, int expectedCommits)
            throws Exception {
        RepoTally tally = new RepoTally(HEADS);
        var options = new RepoLabeler.Options(new RevSelection(null, null), FixPolicy.standard(), perHunk, null, 5);
        try (CommitScanner scanner = CommitScanner.open(repo.dir());
             RecordLog log = RecordLog.open(out, format, HEADS.stream().map(Head::name).toList(), perHunk,
                     r -> tally.record(r, true))) {
            new RepoLabeler(predictor).run(scanner, options, log, tally, new RepoLabeler.Listener() {
                @Override
                public void start(long total) {
                    assertThat(total).isEqualTo(expectedCommits);
                }

                @Override
                public void walked(long walked, long records) {
                }
            });
        }
        return tally;
    }

    private static List<LabelRecord> read(Path file, RecordFormat format) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = format == RecordFormat.CSV ? RecordFormat.cells(lines.get(0)) : List.of();
        List<LabelRecord> out = new ArrayList<>();
        for (String line : lines.subList(format == RecordFormat.CSV ? 1 : 0, lines.size())) {
            out.add(format.parse(line, header));
        }
        return out;
    }

    @Test
    void labels_every_candidate_once_and_counts_every_commit() throws Exception {
        Path out = dir.resolve("labels.jsonl");
        FakePredictor predictor = new FakePredictor();

        RepoTally tally = run(out, RecordFormat.JSONL, false, predictor);

        List<LabelRecord> records = read(out, RecordFormat.JSONL);
        assertThat(tally.scannedCount()).isEqualTo(commits);
        assertThat(tally.candidateCount()).isEqualTo(candidates);
        assertThat(records).hasSize(candidates - 1).extracting(LabelRecord::key).doesNotHaveDuplicates();
        assertThat(tally.skipped()).containsEntry(SkipReason.NO_USABLE_CONTENT, 1L)
                .containsEntry(SkipReason.NOT_A_FIX, 14L).containsEntry(SkipReason.NO_DL_CODE, 1L);
        assertThat(tally.skipped().values().stream().mapToLong(Long::longValue).sum() + tally.labelledCount())
                .isEqualTo(commits);
        LabelRecord reshape = records.stream().filter(r -> r.subject().equals("Fix shape bug 0")).findFirst().orElseThrow();
        assertThat(reshape.heads()).hasSize(HEADS.size()).allSatisfy(h -> assertThat(h.accepted()).isTrue());
        assertThat(reshape.heads().get(0).label()).isEqualTo(HEADS.get(0).labels().get(0));
        assertThat(reshape.library()).isEqualTo("tensorflow");
        assertThat(reshape.dlFiles()).containsExactly("model.py");
        assertThat(reshape.modelVersion()).isEqualTo("v1");
        LabelRecord merge = records.stream().filter(r -> r.subject().startsWith("Merge topic")).findFirst().orElseThrow();
        assertThat(merge.files()).containsExactly("data.py");
        assertThat(records).anySatisfy(r -> assertThat(r.subject()).isEqualTo("fix latin comment"));
        assertThat(tally.count(HEADS.get(0).name(), HEADS.get(0).labels().get(0), null, false)).isEqualTo(6);
    }

    @Test
    void a_rerun_after_a_crash_finishes_the_file_without_duplicates_or_losses() throws Exception {
        Path out = dir.resolve("labels.jsonl");
        run(out, RecordFormat.JSONL, false, new FakePredictor());
        List<String> complete = Files.readAllLines(out);
        String crashed = String.join("\n", complete.subList(0, 6)) + "\n" + complete.get(6).substring(0, 40);
        Files.writeString(out, crashed);

        RepoTally tally = run(out, RecordFormat.JSONL, false, new FakePredictor());

        List<LabelRecord> records = read(out, RecordFormat.JSONL);
        assertThat(records).hasSize(complete.size()).extracting(LabelRecord::key).doesNotHaveDuplicates();
        assertThat(Files.readAllLines(out)).isEqualTo(complete);
        assertThat(tally.previousCount()).isEqualTo(6);
        assertThat(tally.labelledCount()).isEqualTo(complete.size() - 6);
        assertThat(tally.records()).isEqualTo(complete.size());

        FakePredictor idle = new FakePredictor();
        RepoTally again = run(out, RecordFormat.JSONL, false, idle);
        assertThat(again.labelledCount()).isZero();
        assertThat(again.skipped()).containsEntry(SkipReason.ALREADY_LABELLED, (long) complete.size());
        assertThat(Files.readAllLines(out)).isEqualTo(complete);
    }

    @Test
    void csv_records_read_back_as_written_and_resume_per_hunk() throws Exception {
        Path out = dir.resolve("hunks.csv");

        RepoTally first = run(out, RecordFormat.CSV, true, new FakePredictor());
        List<LabelRecord> records = read(out, RecordFormat.CSV);
        RepoTally second = run(out, RecordFormat.CSV, true, new FakePredictor());

        assertThat(Files.readAllLines(out).get(0)).startsWith("sha,date,author,subject,library,files,dl_files,truncated,"
                + "hunk_file,hunk_index,model_version,dl_bug,dl_bug_confidence,dl_bug_accepted,bug_type,bug_type_confidence,"
                + "bug_type_accepted,bug_type_top");
        assertThat(records).hasSize((int) first.labelledCount()).allSatisfy(r -> assertThat(r.hunk()).isNotNull())
                .extracting(LabelRecord::key).doesNotHaveDuplicates();
        assertThat(records.get(0).heads()).hasSize(HEADS.size());
        assertThat(second.labelledCount()).isZero();
        assertThat(read(out, RecordFormat.CSV)).isEqualTo(records);
    }

    @Test
    void an_output_file_of_another_kind_is_refused_and_left_untouched() throws Exception {
        Path out = dir.resolve("labels.jsonl");
        run(out, RecordFormat.JSONL, false, new FakePredictor());
        byte[] before = Files.readAllBytes(out);
        Path notes = Files.writeString(dir.resolve("notes.jsonl"), "{\"sha\":\"abc\"}\nthis is not json\n");
        byte[] notesBefore = Files.readAllBytes(notes);

        assertThatThrownBy(() -> run(out, RecordFormat.JSONL, true, new FakePredictor()))
                .isInstanceOf(RepoException.class).hasMessageContaining("holds records per commit");
        assertThatThrownBy(() -> run(out, RecordFormat.CSV, false, new FakePredictor()))
                .isInstanceOf(RepoException.class).hasMessageContaining("has other columns");
        assertThatThrownBy(() -> run(notes, RecordFormat.JSONL, false, new FakePredictor()))
                .isInstanceOf(RepoException.class).hasMessageContaining("line 2 is not a jsonl record");
        assertThat(Files.readAllBytes(out)).isEqualTo(before);
        assertThat(Files.readAllBytes(notes)).isEqualTo(notesBefore);
    }

    @Test
    void the_report_totals_match_the_records() throws Exception {
        Path out = dir.resolve("labels.jsonl");
        RepoTally tally = run(out, RecordFormat.JSONL, false, new FakePredictor());
        RepoReport report = new RepoReport(new RepoReport.Run(repo.dir().toString(), "HEAD", "", "fake", "v1", false,
                "0.5", new RepoLabeler.Timing(1_000_000_000L, 500_000_000L, 16), Optional.empty()), tally);

        JsonNode json = JSON.readTree(report.json());

        assertThat(json.path("scanned").asLong()).isEqualTo(commits);
        assertThat(json.path("candidates").asLong()).isEqualTo(candidates);
        assertThat(json.path("records").asLong()).isEqualTo(Files.readAllLines(out).size());
        assertThat(json.path("skipped").path("not_a_fix").asLong()).isEqualTo(14);
        for (Head head : HEADS) {
            long sum = StreamSupport.stream(json.path("heads").path(head.name()).spliterator(), false)
                    .mapToLong(n -> n.path("records").asLong()).sum();
            assertThat(sum).as(head.name()).isEqualTo(json.path("records").asLong());
        }
        assertThat(json.path("libraries").path("tensorflow").asLong()).isEqualTo(json.path("records").asLong());
        String md = report.markdown();
        assertThat(md).contains("| commits scanned (this run) | " + commits + " |")
                .contains("| " + HEADS.get(0).labels().get(0) + " | 6 (40.0%) | 6 (40.0%) | 6 |")
                .contains("| AIAC (absence of inter-API compatibility) | 6 (40.0%) |", "| UT (unaligned tensor) | 0 ")
                .doesNotContain("| AIAC |", "| UT |");
        assertThat(report.html()).startsWith("<!DOCTYPE html>").contains("<svg").contains("<table")
                .doesNotContain("<script", "<link", " src=", " href=");
    }

    @Test
    void the_report_lists_every_commit_linked_to_github_with_its_subject_escaped() throws Exception {
        String subject = "Fix <script>alert('x')</script> | a_b & `c` [d]";
        RevCommit odd = repo.write("model.py", TF + "x = tf.zeros([2, 3])\ny = tf.reshape(x, [6])\n").commit(subject);
        Path out = dir.resolve("labels.jsonl");
        RepoTally tally = run(out, RecordFormat.JSONL, false, new FakePredictor(), commits + 1);
        RepoReport report = new RepoReport(new RepoReport.Run(repo.dir().toString(), "HEAD", "", "fake", "v1", false,
                "0.5", new RepoLabeler.Timing(1, 1, 1), Optional.of(new GithubRemote("o", "r"))), tally);
        String url = "https://github.com/o/r/commit/" + odd.name();
        String firstLabel = HEADS.get(0).labels().get(0);

        JsonNode commits = JSON.readTree(report.json()).path("commits");
        assertThat(commits).hasSize(Files.readAllLines(out).size());
        JsonNode first = commits.get(0);
        assertThat(first.path("sha").asText()).isEqualTo(odd.name());
        assertThat(first.path("url").asText()).isEqualTo(url);
        assertThat(first.path("subject").asText()).isEqualTo(subject);
        assertThat(first.path("heads").path(HEADS.get(0).name()).path("label").asText()).isEqualTo(firstLabel);
        assertThat(first.path("heads").path(HEADS.get(0).name()).path("accepted").asBoolean()).isTrue();

        String shortSha = odd.name().substring(0, 7);
        assertThat(report.markdown()).contains("## Every commit labelled", "| [" + shortSha + "](" + url + ") | 2024-",
                "| Fix \\<script\\>alert('x')\\</script\\> \\| a\\_b \\& \\`c\\` \\[d\\] | tensorflow | "
                        + firstLabel + " (0.90) ✓ |");
        String html = report.html();
        assertThat(html).contains("<a href='" + url + "'><code title='" + odd.name() + "'>" + shortSha + "</code></a>",
                "<td>Fix &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | a_b &amp; `c` [d]</td>")
                .doesNotContain("<script");
        assertThat(html.indexOf(shortSha)).as("newest first").isPositive().isLessThan(html.indexOf("Fix shape bug 11"));
    }
}
