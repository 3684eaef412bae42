package dlbugs.model.taxonomy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels as a person reads them. */
class HeadNamesTest {

    private static final Taxonomy TAXONOMY = Taxonomy.islam2019();

    @Test
    void a_root_cause_code_carries_its_name() {
        Head rootCause = TAXONOMY.head(Taxonomy.ROOT_CAUSE);

        assertThat(rootCause.named("UT")).isEqualTo("UT (unaligned tensor)");
        assertThat(rootCause.named("CCM")).isEqualTo("CCM (confusion with computation model)");
        assertThat(rootCause.named("AIAC")).isEqualTo("AIAC (absence of inter-API compatibility)");
        assertThat(rootCause.named("Others")).isEqualTo("Others");
        assertThat(rootCause.named("XYZ")).as("a label the head does not know").isEqualTo("XYZ");
    }

    @Test
    void labels_that_are_words_stay_as_they_are() {
        for (Head head : TAXONOMY.heads()) {
            if (!head.name().equals(Taxonomy.ROOT_CAUSE)) {
                head.labels().forEach(l -> assertThat(head.named(l)).as(head.name()).isEqualTo(l));
            }
        }
    }
}
