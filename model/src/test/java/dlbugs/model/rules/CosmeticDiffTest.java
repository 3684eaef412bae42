package dlbugs.model.rules;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Source;
import dlbugs.model.testing.TestCorpus;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CosmeticDiffTest {

    private static String file(String path, String... hunkLines) {
        return "diff --git a/" + path + " b/" + path + "\nindex 1..2 100644\n--- a/" + path + "\n+++ b/" + path
                + "\n@@ -1,4 +1,4 @@\n" + String.join("\n", hunkLines) + "\n";
    }

    private static boolean cosmetic(String diff) {
        return CosmeticDiff.reason(diff).isPresent();
    }

    @Test
    void a_typo_fixed_in_a_comment_is_cosmetic() {
        assertThat(cosmetic(file("model.py", " x = tf.reshape(y, [-1])", "-# reshpae the input", "+# reshape the input",
                " z = x"))).isTrue();
        assertThat(CosmeticDiff.reason(file("m.py", "-y = 1  # teh", "+y = 1  # the"))).contains(CosmeticDiff.REASON);
    }

    @Test
    void a_typo_fixed_in_a_docstring_is_cosmetic_even_when_the_hunk_starts_inside_it() {
        assertThat(cosmetic(file("eca.py", "     This will fundamentally increase connectivity and possibly",
                "-    (accuracy, robustness), without signficantly impacting resource metrics",
                "+    (accuracy, robustness), without significantly impacting resource metrics",
                "     (parameter size, throughput,latency, etc)", " ", "     Args:"))).isTrue();
        assertThat(cosmetic(file("net.py", " def forward(self, x):", "     \"\"\"", "-    Runs teh net.",
                "+    Runs the net.", "     \"\"\"", "     return self.fc(x)"))).isTrue();
    }

    @Test
    void whitespace_and_the_text_of_print_and_log_calls_are_cosmetic() {
        assertThat(cosmetic(file("train.py", "-    loss = crit(out,target)", "+    loss = crit(out, target)", "+"))).isTrue();
        assertThat(cosmetic(file("train.py", "-    print('epoch %d lsos %f' % (e, l))", "+    print('epoch %d loss %f' % (e, l))",
                "-    logger.info(\"strating\")", "+    logger.info(\"starting\")"))).isTrue();
    }

    @Test
    void prose_of_a_readme_and_files_that_are_not_code_are_cosmetic() {
        assertThat(cosmetic("--- a/README.md\n+++ b/README.md\n@@ -3 +3 @@\n-Teh model is trained on MNIST digits\n"
                + "+The model is trained on MNIST digits\n")).isTrue();
        assertThat(cosmetic(file("LICENSE", "-Copyright 2019 someone", "+Copyright 2020 someone"))).isTrue();
    }

    @Test
    void a_changed_line_of_code_is_not_cosmetic() {
        assertThat(cosmetic(file("model.py", "-x = tf.reshape(y, [-1, 28])", "+x = tf.reshape(y, [-1, 784])"))).isFalse();
        assertThat(cosmetic(file("model.py", "-    continue", "+    break"))).isFalse();
        assertThat(cosmetic(file("model.py", "-w = torch.zeros(3)  # the bias", "+w = torch.zeros(2)  # the bias"))).isFalse();
        // a string outside a print or log call is behaviour: a scope, a key, a file name
        assertThat(cosmetic(file("rnn.py", "-with tf.variable_scope('lstm_cell'):", "+with tf.variable_scope('cell'):"))).isFalse();
        // one cosmetic file and one real change: not cosmetic
        assertThat(cosmetic(file("README.md", "-Teh model is good", "+The model is good")
                + file("train.py", "-lr = 0.1", "+lr = 0.01"))).isFalse();
    }

    @Test
    void code_in_the_docs_configuration_and_version_pins_are_never_judged_cosmetic() {
        assertThat(cosmetic(file("README.md", "-vgg = VGGFace(include_top=False)",
                "+vgg = VGGFace(include_top=False, input_shape=(224, 224, 3))"))).isFalse();
        assertThat(cosmetic(file("config.yaml", "-lr: 0.1", "+lr: 0.01"))).isFalse();
        assertThat(cosmetic(file("requirements.txt", "-torch==1.4", "+torch==1.5"))).isFalse();
    }

    @Test
    void an_empty_diff_or_one_that_changes_nothing_is_not_decided() {
        assertThat(CosmeticDiff.reason("")).isEmpty();
        assertThat(CosmeticDiff.reason(null)).isEmpty();
        assertThat(CosmeticDiff.reason(file("a.py", " x = 1", " y = 2"))).isEmpty();
    }

    @Test
    void never_calls_a_labelled_dl_bug_fix_cosmetic_and_catches_typo_and_comment_commits() throws Exception {
        List<LabelledItem> commits = TestCorpus.corpus().items().stream()
                .filter(i -> i.source().equals(Source.COMMITS)).toList();
        assertThat(commits.stream().filter(i -> Boolean.TRUE.equals(i.dlBug())))
                .hasSizeGreaterThan(100).noneMatch(i -> cosmetic(i.report().diff()));
        assertThat(commits.stream().filter(i -> Boolean.FALSE.equals(i.dlBug())).filter(i -> cosmetic(i.report().diff())))
                .hasSizeGreaterThanOrEqualTo(10);
        // every commit of the study fixes a DL bug; judged whole, as label-repo judges a commit (one hunk of a
        // fix may well be cosmetic on its own: a blank line removed beside the fix)
        List<String> studyDiffs = new ArrayList<>();
        for (String line : Files.readAllLines(TestCorpus.layout().commits())) {
            studyDiffs.add(new ObjectMapper().readTree(line).path("diff").asText());
        }
        assertThat(studyDiffs).hasSizeGreaterThan(100).noneMatch(CosmeticDiffTest::cosmetic);
    }
}
