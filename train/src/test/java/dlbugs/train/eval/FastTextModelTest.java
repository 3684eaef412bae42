package dlbugs.train.eval;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Runs the real Debian fasttext binary (.ci/run installs it). */
class FastTextModelTest {

    private static final Taxonomy TAXONOMY = Taxonomy.islam2019();
    private static final String SHAPE = "shape mismatch reshape tensor";
    private static final String API = "api removed deprecated version";
    private static final List<LabelledItem> TRAIN = trainingUnits();
    private static final List<LabelledItem> TEST = List.of(
            unit(100, "Reshape\n the TENSOR: shape mismatch", "SB.Data Flow Bug", "UT"),
            unit(101, "deprecated api was removed in this version", "API Bug", "APIC"),
            unit(102, "", "API Bug", null));
    private static FoldPredictions fitted;

    @BeforeAll
    static void fit() throws Exception {
        assertThat(FastTextModel.available(FastTextModel.DEFAULT_BINARY))
                .as("the fasttext binary is on the PATH (apt-get install fasttext)").isTrue();
        fitted = new FastTextModel().fitAndPredict(TAXONOMY, TRAIN, TEST, 7);
    }

    /** 40 units: shape texts are a data-flow bug with unaligned tensors, API texts an API change; every fifth has no root cause. */
    private static List<LabelledItem> trainingUnits() {
        List<LabelledItem> units = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String rootCause = i % 5 == 4 ? null : i % 2 == 0 ? "UT" : "APIC";
            units.add(i % 2 == 0 ? unit(i, SHAPE + " case " + i, "SB.Data Flow Bug", rootCause)
                    : unit(i, API + " case " + i, "API Bug", rootCause));
        }
        return units;
    }

    private static LabelledItem unit(int i, String text, String bugType, String rootCause) {
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        votes.put(Taxonomy.BUG_TYPE, Map.of(bugType, 1));
        if (rootCause != null) {
            votes.put(Taxonomy.ROOT_CAUSE, Map.of(rootCause, 1));
        }
        return new LabelledItem("u" + i, "g" + i, Source.GITHUB, Quality.GOLD,
                new BugReport("Bug " + i, text, "", "pytorch"), votes);
    }

    private static double[][] rows(FoldPredictions p, String head) {
        return p.byHead().get(TAXONOMY.heads().indexOf(TAXONOMY.head(head)));
    }

    @Test
    void gives_every_test_unit_a_distribution_over_each_heads_labels() {
        assertThat(fitted.byHead()).hasSize(TAXONOMY.heads().size());
        for (Head head : TAXONOMY.heads()) {
            double[][] rows = rows(fitted, head.name());
            assertThat(rows).hasNumberOfRows(TEST.size());
            for (double[] row : rows) {
                assertThat(row).hasSize(head.size());
                assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
                assertThat(Arrays.stream(row).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
            }
        }
        // no unit is labelled for effect: nothing to learn, so every label is equally likely
        assertThat(rows(fitted, Taxonomy.EFFECT)[0]).containsOnly(1.0 / TAXONOMY.head(Taxonomy.EFFECT).size());
    }

    @Test
    void predicts_separable_texts_on_both_labelled_heads() {
        Head bugType = TAXONOMY.head(Taxonomy.BUG_TYPE);
        Head rootCause = TAXONOMY.head(Taxonomy.ROOT_CAUSE);
        double[][] b = rows(fitted, bugType.name());
        double[][] r = rows(fitted, rootCause.name());
        assertThat(argmax(b[0])).isEqualTo(bugType.indexOf("SB.Data Flow Bug"));
        assertThat(argmax(b[1])).isEqualTo(bugType.indexOf("API Bug"));
        assertThat(argmax(r[0])).isEqualTo(rootCause.indexOf("UT"));
        assertThat(argmax(r[1])).isEqualTo(rootCause.indexOf("APIC"));
        assertThat(b[0][bugType.indexOf("Coding Bug")]).as("a label fastText never saw").isZero();
    }

    @Test
    void repeats_exactly_with_the_same_seed() throws Exception {
        FoldPredictions again = new FastTextModel().fitAndPredict(TAXONOMY, TRAIN, TEST, 7);
        for (int h = 0; h < TAXONOMY.heads().size(); h++) {
            assertThat(again.byHead().get(h)).isDeepEqualTo(fitted.byHead().get(h));
        }
    }

    @Test
    void formats_labels_and_reports_as_single_lines() {
        assertThat(FastTextFormat.label("SB.Data Flow Bug")).isEqualTo("__label__SB.Data_Flow_Bug");
        assertThat(FastTextFormat.trainingLine("API Bug", new BugReport("Title", "a\nb\t c\r\n", "+x\n-y", "")))
                .isEqualTo("__label__API_Bug title a b c +x -y");
        assertThat(FastTextFormat.text(new BugReport("see __label__Crash", "", "", ""))).isEqualTo("see label crash");
        assertThat(FastTextFormat.text(new BugReport("", " \n ", "", ""))).isEmpty();
        assertThat(FastTextFormat.text(new BugReport("", "x ".repeat(20_000), "", ""))).hasSizeLessThanOrEqualTo(20_000);
    }

    @Test
    void reads_predict_prob_lines_in_label_order() {
        Head effect = TAXONOMY.head(Taxonomy.EFFECT);
        Map<String, Integer> columns = FastTextFormat.columns(effect);
        double[] row = FastTextFormat.row("__label__Bad_Performance 0.6 __label__Crash 0.2 __label__Other 0.2", columns);
        assertThat(row[effect.indexOf("Bad Performance")]).isCloseTo(0.75, within(1e-12));
        assertThat(row[effect.indexOf("Crash")]).isCloseTo(0.25, within(1e-12));
        assertThat(row[effect.indexOf("Hang")]).isZero();
        assertThat(FastTextFormat.row("__label__Crash 1.00001", columns)[effect.indexOf("Crash")]).isEqualTo(1.0);
        assertThat(FastTextFormat.row("", columns)).containsOnly(1.0 / effect.size());
    }

    @Test
    void a_missing_binary_is_reported_clearly() {
        assertThat(FastTextModel.available("no-such-fasttext")).isFalse();
        assertThatThrownBy(() -> new FastTextModel("no-such-fasttext").fitAndPredict(TAXONOMY, TRAIN, TEST, 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'no-such-fasttext'")
                .hasMessageContaining("apt-get install fasttext");
    }

    @Test
    void a_failing_run_names_the_command_and_the_last_line_of_stderr(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken-fasttext");
        Files.writeString(broken, "#!/bin/sh\necho 'reading input' >&2\necho 'what(): Empty vocabulary' >&2\nexit 3\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        assertThat(FastTextModel.available(broken.toString())).isFalse();
        assertThatThrownBy(() -> new FastTextModel(broken.toString()).fitAndPredict(TAXONOMY, TRAIN, TEST, 1))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(broken + " supervised -input ")
                .hasMessageEndingWith("failed with exit code 3: what(): Empty vocabulary");
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int l = 1; l < row.length; l++) {
            best = row[l] > row[best] ? l : best;
        }
        return best;
    }
}
