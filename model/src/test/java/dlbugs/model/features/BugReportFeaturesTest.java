package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BugReportFeaturesTest {

    private static final ProseTokenizer PROSE = new ProseTokenizer();
    private final BugReportFeatures features = new BugReportFeatures(FeatureConfig.defaults(), PROSE);
    private final CodeTokenizer code = new CodeTokenizer();

    @Test
    void keeps_dotted_api_names_whole_and_splits_identifiers() {
        assertThat(code.apiNames("x = tf.reshape(y, [-1]); model.fit(x)")).containsExactly("tf.reshape", "model.fit");
        assertThat(code.subwords("input_shape = Conv2D(filters)")).containsExactly("input", "shape", "conv", "2d", "filters");
    }

    @Test
    void recognises_error_class_names() {
        assertThat(code.errorNames("ValueError: bad; raise InvalidArgumentError, a TypeError")).containsExactly(
                "ValueError", "InvalidArgumentError", "TypeError");
    }

    @Test
    void the_shape_of_a_diff_tells_a_new_file_from_a_small_edit_where_configured() {
        String newFile = "diff --git a/ex.py b/ex.py\nnew file mode 100644\n--- /dev/null\n+++ b/ex.py\n@@ -0,0 +1,3 @@\n"
                + "+import torch\n+# an example\n+x = torch.zeros(3)\n";
        String edit = "--- a/m.py\n+++ b/m.py\n@@ -1,1 +1,1 @@\n-x = y.view(3)\n+x = y.view(-1)\n";
        String comments = "--- a/m.py\n+++ b/m.py\n@@ -1,3 +1,3 @@\n-# old\n+# new\n+\n x = 1\n";
        BugReportFeatures shaped = new BugReportFeatures(FeatureConfig.defaults().withDiffShape(true), PROSE);
        assertThat(shaped.extract(new BugReport("add example", "", newFile, "torch")))
                .containsKeys("shape:new-file", "shape:adds-only", "shape:lines-3-10");
        assertThat(shaped.extract(new BugReport("fix view", "", edit, "torch")))
                .containsKeys("shape:lines-1-2").doesNotContainKeys("shape:adds-only", "shape:new-file");
        assertThat(shaped.extract(new BugReport("", "", comments, ""))).containsKeys("shape:mostly-comments");
        assertThat(features.extract(new BugReport("fix view", "", edit, "torch")).keySet()).noneMatch(k -> k.startsWith("shape:"));
        assertThat(BugReportFeatures.isContent("shape:adds-only")).isFalse();
        assertThat(BugReportFeatures.surface("shape:adds-only")).isEqualTo("diff: adds only");
    }

    @Test
    void keeps_removed_and_added_lines_apart() {
        Map<String, Integer> f = features.extract(new BugReport("", "", """
                diff --git a/m.py b/m.py
                --- a/m.py
                +++ b/m.py
                @@ -1,2 +1,2 @@
                -model.add(Dense(output_dim=10))
                +model.add(Dense(units=10))
                 model.compile()
                """, "keras"));
        assertThat(f).containsKeys("del:output", "add:units", "del:api:model.add", "add:api:model.add", "c:compile",
                "lib:keras", "ext:py", "has:code");
        assertThat(f).doesNotContainKeys("add:output", "del:units", "add:compile");
    }

    @Test
    void tokenizes_prose_with_corenlp_and_adds_bigrams() {
        Map<String, Integer> f = features.extract(new BugReport("Loss is NaN", "the loss becomes nan", "", ""));
        assertThat(f).containsEntry("w:loss", 2).containsEntry("w:nan", 2).containsKeys("b:loss_is", "has:prose-only");
        assertThat(PROSE.words("Hello, world!")).containsExactly("hello", "world");
    }

    @Test
    void an_empty_report_has_no_features() {
        assertThat(features.extract(new BugReport("", "", "", "keras")).keySet()).containsExactly("lib:keras");
    }

    @Test
    void vocabulary_holds_only_what_its_training_units_saw() {
        MutableVocabulary v = new MutableVocabulary();
        v.add(Map.of("w:loss", 1, "w:nan", 1));
        v.add(Map.of("w:loss", 3, "w:shape", 1));
        Vocabulary frozen = v.freeze(new FeatureConfig(10, 1, true, 100));
        assertThat(frozen.features()).containsExactly("w:loss", "w:nan", "w:shape");
        assertThat(frozen.contains("w:test-only")).isFalse();
        float[] x = frozen.vectorize(Map.of("w:loss", 1, "w:test-only", 5));
        assertThat(x[0]).isCloseTo(1f, within(1e-6f));
        assertThat(x[1] + x[2]).isZero();
    }

    @Test
    void min_document_frequency_and_cap_apply() {
        MutableVocabulary v = new MutableVocabulary();
        List.of(Map.of("a", 1, "b", 1), Map.of("a", 1, "c", 1), Map.of("a", 1, "b", 1)).forEach(v::add);
        assertThat(v.freeze(new FeatureConfig(10, 2, true, 100)).features()).containsExactly("a", "b");
        assertThat(v.freeze(new FeatureConfig(1, 1, true, 100)).features()).containsExactly("a");
        assertThatThrownBy(() -> v.freeze(new FeatureConfig(10, 4, true, 100))).isInstanceOf(IllegalStateException.class);
    }
}
