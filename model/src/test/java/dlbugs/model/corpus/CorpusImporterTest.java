package dlbugs.model.corpus;

import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.testing.TestCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusImporterTest {

    private final Corpus corpus = TestCorpus.corpus();
    private final ImportReport report = corpus.report();

    @Test
    void reads_every_labelled_row_and_accounts_for_each() {
        int read = report.rowsRead().get("gold github label rows") + report.rowsRead().get("gold stackoverflow label rows");
        assertThat(read).isEqualTo(970 + 2);
        assertThat(report.rowsJoined() + report.totalDropped()).isEqualTo(read);
        // 95 rows repeat an earlier row of the same sheet, 4 more repeat one of another library's sheet
        assertThat(report.rowsDropped().get("duplicate of an earlier row")).isEqualTo(99);
    }

    @Test
    void assigns_permuted_tensorflow_github_columns_by_value() {
        assertThat(report.notes()).containsKey("rows with label columns out of order, assigned by value: TF_Github_Final.xlsx");
        LabelledItem nnWtf = corpus.items().stream()
                .filter(i -> i.unitId().startsWith("gh:2395f12fe50951fcd15a8d20ad15cf71ab033611")).findFirst().orElseThrow();
        assertThat(nnWtf.majority(Taxonomy.BUG_TYPE)).contains("API Bug");
        assertThat(nnWtf.majority(Taxonomy.EFFECT)).contains("Crash");
        assertThat(nnWtf.majority(Taxonomy.ROOT_CAUSE)).contains("APIC");
    }

    @Test
    void keeps_gold_and_silver_apart_and_never_duplicates_a_question() {
        assertThat(corpus.of(Quality.GOLD)).hasSize(report.goldUnits());
        assertThat(corpus.of(Quality.SILVER)).hasSize(report.silverUnits()).isNotEmpty();
        Map<String, Long> perUnit = corpus.items().stream()
                .collect(Collectors.groupingBy(LabelledItem::unitId, Collectors.counting()));
        assertThat(perUnit.values()).allMatch(n -> n == 1);
        assertThat(corpus.of(Quality.GOLD)).allMatch(i -> i.source().equals(Source.STACKOVERFLOW)
                || i.source().equals(Source.GITHUB));
        assertThat(corpus.items().stream().filter(i -> LabelledSource.ALL.stream()
                .anyMatch(s -> s.source().equals(i.source())))).isNotEmpty().allMatch(i -> i.quality() == Quality.SILVER);
    }

    @Test
    void keeps_several_label_sets_of_one_unit_as_votes() {
        assertThat(corpus.items()).anyMatch(i -> i.votes().values().stream().anyMatch(v -> v.size() > 1));
    }

    @Test
    void attaches_stage_and_fix_pattern_to_gold_units() {
        long staged = corpus.of(Quality.GOLD).stream().filter(i -> i.has(Taxonomy.STAGE)).count();
        long fixed = corpus.of(Quality.GOLD).stream().filter(i -> i.has(Taxonomy.FIX_PATTERN)).count();
        assertThat(staged).isGreaterThan(report.goldUnits() * 8L / 10);
        assertThat(fixed).isGreaterThan(report.goldUnits() / 2L);
    }

    @Test
    void every_label_belongs_to_its_head() {
        Taxonomy t = Taxonomy.islam2019();
        corpus.items().forEach(i -> i.votes().forEach((head, v) ->
                assertThat(t.head(head).labels()).containsAll(v.keySet())));
    }

    @Test
    void groups_github_units_by_commit() {
        corpus.items().stream().filter(i -> i.source() == Source.GITHUB)
                .forEach(i -> assertThat(i.unitId()).startsWith(i.groupId()));
    }

    @Test
    void names_the_missing_file_of_an_incomplete_corpus() {
        assertThatThrownBy(() -> CorpusLayout.at(Path.of("no-such-corpus")))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("dataset.zip");
    }

    @Test
    void the_report_text_states_the_counts() {
        assertThat(report.toText()).contains("distinct units: gold " + report.goldUnits());
    }
}
