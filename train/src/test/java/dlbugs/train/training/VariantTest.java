package dlbugs.train.training;

import dlbugs.model.features.TextEncoders;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantTest {

    private static final List<String> HEADS = Taxonomy.islam2019().heads().stream().map(Head::name).toList();
    private final TrainingConfig shipped = TrainingConfig.defaults();

    @Test
    void changes_only_the_settings_it_names() {
        Variant v = Variant.parse(shipped, "hidden=256, max-features=12000,wide=true", HEADS);
        assertThat(v.config().hidden()).isEqualTo(256);
        assertThat(v.config().features().maxFeatures()).isEqualTo(12000);
        assertThat(v.config().wide()).isTrue();
        assertThat(v.config().toBuilder().hidden(shipped.hidden()).wide(false).features(shipped.features()).build())
                .isEqualTo(shipped);
        assertThat(v.contestant()).isEqualTo("dlbugs[hidden=256,max-features=12000,wide=true]");
    }

    @Test
    void a_weighting_in_a_variant_replaces_the_shipped_one_and_the_rest_stays() {
        Variant v = Variant.parse(shipped, "epochs=20,class-weight-power=0.5,denchmark=0.5", HEADS);
        assertThat(v.config().epochs()).isEqualTo(20);
        assertThat(v.config().weighting()).isEqualTo(Weighting.parse("class-weight-power=0.5,denchmark=0.5", HEADS));
        assertThat(Variant.parse(shipped, "epochs=20", HEADS).config().weighting()).isEqualTo(shipped.weighting());
    }

    @Test
    void the_neighbours_vote_takes_a_weight_and_an_optional_k_and_zero_turns_it_off() {
        assertThat(Variant.parse(shipped, "knn=0.4", HEADS).config().neighbours().weight()).isEqualTo(0.4);
        assertThat(Variant.parse(shipped, "knn=0.4", HEADS).config().neighbours().k()).isEqualTo(Variant.DEFAULT_K);
        assertThat(Variant.parse(shipped, "knn=0.4,knn-k=25", HEADS).config().neighbours().k()).isEqualTo(25);
        assertThat(Variant.parse(shipped, "knn=0", HEADS).config().neighbours()).isNull();
        assertThatThrownBy(() -> Variant.parse(shipped, "encoder=" + TextEncoders.NONE + ",knn=0.3", HEADS))
                .hasMessageContaining("needs an encoder");
    }

    @Test
    void refuses_what_it_cannot_read_naming_what_is_wrong() {
        assertThatThrownBy(() -> Variant.parse(shipped, "hidden", HEADS)).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Variant.parse(shipped, "hidden=big", HEADS)).hasMessageContaining("'big' is not a number");
        assertThatThrownBy(() -> Variant.parse(shipped, "wide=yes", HEADS)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> Variant.parse(shipped, "colour=blue", HEADS))
                .hasMessageContaining("unknown weighting 'colour'").hasMessageContaining("max-features");
        assertThatThrownBy(() -> Variant.parse(shipped, "hidden=-3", HEADS)).isInstanceOf(IllegalArgumentException.class);
    }
}
