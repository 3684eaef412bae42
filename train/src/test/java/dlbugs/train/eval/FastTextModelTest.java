package dlbugs.train.eval;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the real Debian fasttext binary (.ci/run installs it). */
class FastTextModelTest {

    private final Taxonomy taxonomy = Taxonomy.islam2019();

    private static LabelledItem unit(int i, String text, String effect) {
        return new LabelledItem("u" + i, "g" + i, Source.STACKOVERFLOW, Quality.GOLD, new BugReport("", text, "", ""),
                Map.of(Taxonomy.EFFECT, Map.of(effect, 1)));
    }

    @Test
    void learns_separable_texts_and_answers_every_head_with_distributions() throws Exception {
        List<LabelledItem> train = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            train.add(i % 2 == 0 ? unit(i, "valueerror traceback exception raised shape mismatch crash " + i, "Crash")
                    : unit(i, "training is slow accuracy low loss plateau performance " + i, "Bad Performance"));
        }
        List<LabelledItem> test = List.of(unit(100, "exception traceback crash", "Crash"),
                unit(101, "accuracy low and slow performance", "Bad Performance"), unit(102, "", "Crash"));
        FoldPredictions p = new FastTextModel("fasttext").fitAndPredict(taxonomy, train, test, 1);
        assertThat(p.byHead()).hasSize(taxonomy.heads().size());
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            Head head = taxonomy.heads().get(h);
            for (double[] row : p.byHead().get(h)) {
                assertThat(row).hasSize(head.size());
                assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        Head effect = taxonomy.head(Taxonomy.EFFECT);
        double[][] e = p.byHead().get(taxonomy.heads().indexOf(effect));
        assertThat(e[0][effect.indexOf("Crash")]).isGreaterThan(e[0][effect.indexOf("Bad Performance")]);
        assertThat(e[1][effect.indexOf("Bad Performance")]).isGreaterThan(e[1][effect.indexOf("Crash")]);
    }

    @Test
    void formats_labels_and_text_as_one_line() {
        assertThat(FastTextModel.label("SB.Data Flow Bug")).isEqualTo("__label__SB.Data_Flow_Bug");
        assertThat(FastTextModel.text(new BugReport("Title", "a\nb\t c", "+x", ""))).isEqualTo("title a b c +x");
        assertThat(FastTextModel.text(new BugReport("", "", "", ""))).isEqualTo("_empty_");
    }

    @Test
    void a_missing_binary_is_reported_clearly() {
        assertThat(FastTextModel.available("no-such-fasttext")).isFalse();
        assertThat(FastTextModel.available("fasttext")).isTrue();
        List<LabelledItem> train = List.of(unit(1, "a crash", "Crash"), unit(2, "slow", "Bad Performance"));
        assertThatThrownBy(() -> new FastTextModel("no-such-fasttext").fitAndPredict(taxonomy, train, train, 1))
                .hasMessageContaining("no-such-fasttext");
    }
}
