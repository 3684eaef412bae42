package dlbugs.label.study;

import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.LabelNormalizer;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The study's shares, against the bug counts of its paper and the pivot table of its TF Stack Overflow workbook. */
class StudySharesTest {

    private static Path zip() throws Exception {
        Path root = Path.of(System.getProperty("dlbugs.corpus", "../../shared/datasets"));
        assumeTrue(Files.isDirectory(root), "the study's datasets are not at " + root);
        return CorpusLayout.at(root).datasetZip();
    }

    @Test
    void counts_every_labelled_row_415_from_stack_overflow_as_the_paper_and_557_from_github() throws Exception {
        StudyShares all = StudyShares.read(zip());
        // The paper says 970 bugs, 555 of them from GitHub; the GitHub workbooks as published hold 557 labelled rows.
        assertThat(all.bugs(null)).isEqualTo(972);
        assertThat(StudyShares.read(zip(), r -> r.source() == Source.STACKOVERFLOW).bugs(null)).isEqualTo(415);
        assertThat(StudyShares.read(zip(), r -> r.source() == Source.GITHUB).bugs(null)).isEqualTo(557);
        assertThat(all.libraries()).containsExactly("caffe", "keras", "tensorflow", "theano", "torch");
        assertThat(all.share(Taxonomy.DL_BUG, null, Taxonomy.IS_DL_BUG)).contains(1.0);
        assertThat(all.covers(Taxonomy.STAGE)).isFalse();
    }

    @Test
    void tensorflow_stack_overflow_bug_types_cover_the_authors_pivot_table_made_before_the_sheet_was_finished()
            throws Exception {
        StudyShares tfSo = StudyShares.read(zip(), r -> r.source() == Source.STACKOVERFLOW);
        LabelNormalizer n = new LabelNormalizer(Taxonomy.islam2019());
        // TF_SO_Final.xlsx, sheet "Sheet2" ("Count of Root Cause"): the Grand Total column, 113 bugs. The labelled
        // sheet holds 166 rows: the pivot was not refreshed after the last rows were labelled, so every bug type
        // counts at least the pivot's figure, and some exactly.
        Map<String, Integer> pivot = Map.of("API Bug", 10, "Data Bug", 32,
                "Non Model Structural Bug.Initialization Bug", 2, "Non Model Structural Bug.Logic Bugs", 13,
                "Non Model Structural Bug.Processing Bug", 1, "Structural Bug.Control and Sequence Bug", 5,
                "Structural Bug.Data flow Bug", 15, "Structural Bug.Initialization Bug", 8,
                "Structural Bug.Logic Bugs", 25, "Structural Bug.Processing Bug", 2);
        pivot.forEach((raw, count) -> assertThat(tfSo.count(Taxonomy.BUG_TYPE, "tensorflow",
                n.normalize(Taxonomy.BUG_TYPE, raw).orElseThrow())).as(raw).isGreaterThanOrEqualTo((long) count));
        assertThat(tfSo.count(Taxonomy.BUG_TYPE, "tensorflow", n.normalize(Taxonomy.BUG_TYPE,
                "Non Model Structural Bug.Logic Bugs").orElseThrow())).isEqualTo(13);
        assertThat(tfSo.bugs("tensorflow")).isEqualTo(166);
    }
}
