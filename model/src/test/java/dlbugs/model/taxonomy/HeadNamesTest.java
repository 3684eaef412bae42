package dlbugs.model.taxonomy;

import dlbugs.model.bundle.HeadCalibration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels and thresholds as a person reads them. */
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

    @Test
    void a_threshold_is_kept_to_the_thousandth_above_it() {
        assertThat(new HeadCalibration("effect", 1.2, 0.6398765432101234, 0.81, 0.4).threshold()).isEqualTo(0.64);
        assertThat(new HeadCalibration("effect", 1.2, 0.5042282475725621, 0.81, 0.4).threshold()).isEqualTo(0.505);
        assertThat(new HeadCalibration("effect", 1.2, 0.74, 0.81, 0.4).threshold()).isEqualTo(0.74);
        assertThat(new HeadCalibration("effect", 1.2, 1.0, Double.NaN, 0).threshold()).isEqualTo(1.0);
        assertThat(new HeadCalibration("effect", 1.2, 0.0, 0.5, 1).threshold()).isEqualTo(0.0);
    }
}
