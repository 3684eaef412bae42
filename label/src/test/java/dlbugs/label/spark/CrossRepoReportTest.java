package dlbugs.label.spark;

import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The label-repos report as people read it (no Spark: its tables are given). */
class CrossRepoReportTest {

    private static final CrossRepoTables NO_RECORDS = new CrossRepoTables(List.of(), List.of(), List.of());

    private static String markdown(RepoSummary... summaries) {
        return new CrossRepoReport(Taxonomy.islam2019().heads(), List.of(summaries), NO_RECORDS, Optional.empty()).markdown();
    }

    @Test
    void the_skipped_column_reads_as_words_most_first() {
        String md = markdown(new RepoSummary("alpha", "/r/alpha", "HEAD", RepoSummary.Status.LABELLED, "", 600, 78, 78,
                        Map.of("no_dl_code", 12L, "not_a_fix", 510L), 1.0),
                new RepoSummary("beta", "/r/beta", "HEAD", RepoSummary.Status.LABELLED, "", 5, 5, 5, Map.of(), 1.0));

        String alpha = md.lines().filter(l -> l.startsWith("| alpha ")).findFirst().orElseThrow();
        String beta = md.lines().filter(l -> l.startsWith("| beta ")).findFirst().orElseThrow();
        assertThat(alpha).contains("| 510 not a fix, 12 no DL code |").doesNotContain("{", "=", "_");
        assertThat(beta).contains("| none |").doesNotContain("{}");
    }

    @Test
    void root_causes_carry_their_name_beside_the_code() {
        String md = markdown();

        assertThat(md).contains("| UT (unaligned tensor) |", "| CCM (confusion with computation model) |", "| Others |")
                .doesNotContain("| UT |", "| CCM |");
    }
}
