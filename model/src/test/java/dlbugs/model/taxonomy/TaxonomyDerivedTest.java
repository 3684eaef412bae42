package dlbugs.model.taxonomy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyDerivedTest {

    @Test
    void every_bug_type_has_a_top_level_label() {
        Taxonomy t = Taxonomy.islam2019();
        Head top = t.head(Taxonomy.BUG_TYPE_TOP);
        t.head(Taxonomy.BUG_TYPE).labels().forEach(l -> assertThat(top.labels()).contains(Taxonomy.topLevel(l)));
        assertThat(Taxonomy.topLevel("SB.Logic Bug")).isEqualTo("SB");
        assertThat(Taxonomy.topLevel("NMSB.Control and Sequence Bug")).isEqualTo("NMSB");
        assertThat(Taxonomy.topLevel("API Bug")).isEqualTo("API");
        assertThat(Taxonomy.topLevel("Coding Bug")).isEqualTo("Coding");
        assertThat(Taxonomy.topLevel("Data Bug")).isEqualTo("Data");
    }
}
