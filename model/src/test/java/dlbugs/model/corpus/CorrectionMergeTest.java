package dlbugs.model.corpus;

import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.testing.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepted corrections merged into the imported corpus as the source {@code corrections}. */
class CorrectionMergeTest {

    private static final BugReport ISSUE = new BugReport("Shape mismatch", "expected (784,) got (28, 28)", "", "keras");
    private static final BugReport ISSUE_PASTED = new BugReport("Shape mismatch ", "expected (784,)\r\n got (28, 28)", "", "keras");
    private static final BugReport NEW_REPORT = new BugReport("OOM on GPU", "CUDA out of memory at batch 512", "", "torch");
    private static final BugReport GOLD = new BugReport("Shape error in Dense", "expected ndim=2, found ndim=3", "", "keras");

    @TempDir
    Path dir;

    private Corpus importWith(List<CorrectedLabel> corrections) throws Exception {
        TinyCorpus.write(dir, List.of("{\"id\": \"gi1\", \"url\": \"u\", \"repo\": \"a/b\", \"library\": \"keras\","
                + " \"title\": \"Shape mismatch\", \"body\": \"expected (784,) got (28, 28)\"}"), List.of("{\"id\": \"gi1\","
                + " \"is_dl_bug\": \"yes\", \"bug_type\": \"Data Bug\", \"root_cause\": \"UT\", \"effect\": \"Crash\","
                + " \"stage\": \"Training\"}"));
        return new CorpusImporter(Taxonomy.islam2019()).importFrom(CorpusLayout.at(dir), ImportOptions.defaults(), corrections);
    }

    private static LabelledItem unit(Corpus c, String id) {
        return c.items().stream().filter(i -> i.unitId().equals(id)).findFirst().orElse(null);
    }

    private static LabelledItem correctionOf(Corpus c, BugReport r) {
        return c.items().stream().filter(i -> i.source().equals(Source.CORRECTIONS)
                && ReportDigest.of(i.report()).equals(ReportDigest.of(r))).findFirst().orElseThrow();
    }

    @Test
    void a_correction_overrides_the_silver_label_of_the_same_report_and_joins_its_group() throws Exception {
        Corpus c = importWith(List.of(new CorrectedLabel(7, ISSUE_PASTED, "stage", "Data Preparation"),
                new CorrectedLabel(9, ISSUE, "bug_type_top", "SB")));

        LabelledItem silver = unit(c, "gi1");
        assertThat(silver.votes()).containsOnlyKeys("root_cause", "effect");
        assertThat(silver.dlBug()).isNull();
        LabelledItem corrected = correctionOf(c, ISSUE);
        assertThat(corrected.quality()).isEqualTo(Quality.CORRECTED);
        assertThat(corrected.groupId()).isEqualTo(silver.groupId());
        assertThat(corrected.majority("stage")).contains("Data Preparation");
        assertThat(corrected.majority("bug_type_top")).contains("SB");
        assertThat(corrected.majority("dl_bug")).contains(Taxonomy.IS_DL_BUG);
        assertThat(c.corrections()).isEqualTo(new CorrectionsUsed(2, 9));
        assertThat(c.report().unitsBySource()).containsEntry("corrected/corrections", 1);
        assertThat(c.report().rowsRead()).containsEntry("corrections", 2);
    }

    @Test
    void a_new_report_becomes_a_unit_of_its_own_with_every_correction_a_vote() throws Exception {
        Corpus c = importWith(List.of(new CorrectedLabel(1, NEW_REPORT, "effect", "Memory Out of Bound"),
                new CorrectedLabel(2, NEW_REPORT, "effect", "Memory Out of Bound"),
                new CorrectedLabel(3, NEW_REPORT, "effect", "Crash"),
                new CorrectedLabel(4, NEW_REPORT, "bug_type", "NMSB.Processing Bug")));

        LabelledItem u = correctionOf(c, NEW_REPORT);
        assertThat(u.votes().get("effect")).isEqualTo(Map.of("Memory Out of Bound", 2, "Crash", 1));
        assertThat(u.majority("bug_type_top")).contains("NMSB");
        assertThat(u.groupId()).isEqualTo(u.unitId()).startsWith("correction:");
        assertThat(u.kind()).isEqualTo(ReportKind.ISSUE);
        assertThat(unit(c, "gi1").votes()).containsKeys("bug_type", "stage");
    }

    @Test
    void not_a_dl_bug_clears_the_silver_unit_and_every_other_correction_of_the_report() throws Exception {
        Corpus c = importWith(List.of(new CorrectedLabel(1, ISSUE, "dl_bug", Taxonomy.NOT_DL_BUG),
                new CorrectedLabel(2, ISSUE, "effect", "Hang")));

        assertThat(unit(c, "gi1")).isNull();
        LabelledItem u = correctionOf(c, ISSUE);
        assertThat(u.dlBug()).isFalse();
        assertThat(u.votes()).containsOnlyKeys("dl_bug");
        assertThat(c.report().labelsDropped()).containsEntry("correction of a report corrected as not a DL bug", 1);
    }

    @Test
    void a_gold_label_stands_and_labels_outside_the_taxonomy_are_dropped() throws Exception {
        Corpus c = importWith(List.of(new CorrectedLabel(1, GOLD, "effect", "Hang"),
                new CorrectedLabel(2, GOLD, "stage", "Choice of Model"),
                new CorrectedLabel(3, NEW_REPORT, "effect", "Explosion")));

        LabelledItem gold = c.items().stream().filter(i -> i.quality() == Quality.GOLD).findFirst().orElseThrow();
        assertThat(gold.majority("effect")).contains("Crash");
        LabelledItem u = correctionOf(c, GOLD);
        assertThat(u.votes()).containsOnlyKeys("stage", "dl_bug");
        assertThat(u.groupId()).isEqualTo(gold.groupId());
        assertThat(c.report().notes()).containsEntry("corrections: head a gold unit labels, gold kept", 1);
        assertThat(c.report().labelsDropped()).containsKey("correction of a label outside the taxonomy: effect 'Explosion'");
        assertThat(c.items()).noneMatch(i -> i.source().equals(Source.CORRECTIONS)
                && ReportDigest.of(i.report()).equals(ReportDigest.of(NEW_REPORT)));
    }

    @Test
    void the_corpus_hash_changes_with_the_corrections_and_not_without() throws Exception {
        String plain = importWith(List.of()).hash();
        String corrected = importWith(List.of(new CorrectedLabel(1, NEW_REPORT, "effect", "Hang"))).hash();
        assertThat(importWith(List.of()).hash()).isEqualTo(plain);
        assertThat(corrected).isNotEqualTo(plain).hasSize(64);
        assertThat(importWith(List.of()).corrections()).isEqualTo(CorrectionsUsed.NONE);
    }
}
