package dlbugs.model.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelNormalizerTest {

    private final LabelNormalizer normalizer = new LabelNormalizer(Taxonomy.islam2019());

    /** Every variant the corpus README lists, and the spellings the spreadsheets actually use. */
    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "data Bug | bug_type | Data Bug",
            "Data Bug | bug_type | Data Bug",
            "API Bug | bug_type | API Bug",
            "Coding Bug | bug_type | Coding Bug",
            "SB.CSB | bug_type | SB.Control and Sequence Bug",
            "NMSB.CSB | bug_type | NMSB.Control and Sequence Bug",
            "SB.Control and Sequence Bug | bug_type | SB.Control and Sequence Bug",
            "SB.Data flow Bug | bug_type | SB.Data Flow Bug",
            "SB.Data Flow Bug | bug_type | SB.Data Flow Bug",
            "SB.Logic Bugs | bug_type | SB.Logic Bug",
            "SB.Logic Bug | bug_type | SB.Logic Bug",
            "NMSB.Logic Bugs | bug_type | NMSB.Logic Bug",
            "Structural Bug.Logic Bugs | bug_type | SB.Logic Bug",
            "Non Model Structural Bug.Initialization Bug | bug_type | NMSB.Initialization Bug",
            "Non Model Structural Bug.Logic Bugs | bug_type | NMSB.Logic Bug",
            "SB.Initialization Bug | bug_type | SB.Initialization Bug",
            "SB.Processing Bug | bug_type | SB.Processing Bug",
            "NMSB.Processing Bug | bug_type | NMSB.Processing Bug",
            "'  SB.Logic Bugs  ' | bug_type | SB.Logic Bug",
            "Structure Ineffciency (SI) | root_cause | SI",
            "'Structure Ineffciency (SI) ' | root_cause | SI",
            "Structure Ineffciency (SI) (non functional) | root_cause | SI",
            "Incorrect Model Parameter or Structure (IPS) | root_cause | IPS",
            "Incorrect Model Parameter or Structure (IPS) (functional) | root_cause | IPS",
            "Confusion with Computation Model(CCM) | root_cause | CCM",
            "API Change (APIC) | root_cause | APIC",
            "API Misuse (APIM) | root_cause | APIM",
            "Absence of type checking | root_cause | ATC",
            "Absense of inter API compatibility | root_cause | AIAC",
            "Unaligned Tensor (UT) | root_cause | UT",
            "Wrong Documentation | root_cause | WD",
            "Others | root_cause | Others",
            "UT | root_cause | UT",
            "Combination of parameters can lead to suboptimal performance | root_cause | SI",
            "Absence of backward compatibility while versioning | root_cause | APIC",
            "Performance | effect | Bad Performance",
            "Bad Performance | effect | Bad Performance",
            "Crash | effect | Crash",
            "Data Corruption | effect | Data Corruption",
            "Hang | effect | Hang",
            "Incorrect Functionality | effect | Incorrect Functionality",
            "Memory Out of bound | effect | Memory Out of Bound",
            "Unknown | effect | Unknown",
            "Choice of Model | stage | Choice of Model",
            "Layer dimension | fix_pattern | Layer Dimension",
            "Change Neural Arch | fix_pattern | Change Neural Arch",
            "API Contract | fix_pattern | API Contract",
    })
    void maps_every_known_variant_to_its_head_and_label(String raw, String head, String label) {
        assertThat(normalizer.classify(raw)).contains(new LabelNormalizer.HeadLabel(head, label));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Logic Bug", "Absence of suggestions in chosing hyper parameters",
            "Absence of the training process monitoring", "", "   ", "Structural Bug."})
    void rejects_labels_outside_the_taxonomy(String raw) {
        assertThat(normalizer.classify(raw)).isEmpty();
    }

    @Test
    void rejects_null() {
        assertThat(normalizer.classify(null)).isEmpty();
    }

    @Test
    void normalize_refuses_a_label_of_another_head() {
        assertThat(normalizer.normalize(Taxonomy.EFFECT, "API Change (APIC)")).isEmpty();
        assertThat(normalizer.normalize(Taxonomy.ROOT_CAUSE, "API Change (APIC)")).contains("APIC");
    }

    @Test
    void every_canonical_label_of_a_labelled_head_maps_to_itself() {
        Taxonomy.islam2019().heads().stream().filter(h -> !Taxonomy.DERIVED.contains(h.name())).forEach(h ->
                h.labels().forEach(l -> assertThat(normalizer.normalize(h.name(), l)).as(h.name() + "/" + l).contains(l)));
    }

    @Test
    void no_spreadsheet_value_is_taken_for_a_derived_head() {
        assertThat(normalizer.classify("API")).isEmpty();
        assertThat(normalizer.classify("Not a DL bug")).isEmpty();
        assertThat(normalizer.classify("API Bug")).contains(new LabelNormalizer.HeadLabel(Taxonomy.BUG_TYPE, "API Bug"));
    }
}
