package dlbugs.model.api;

import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer on the wire, as a person reading it sees it. */
class ClassifyResponseTest {

    private static final ModelInfo INFO = new ModelInfo("m", "1", Taxonomy.islam2019().heads());

    private static ClassifyResponse.HeadResult effect(double confidence, double threshold) {
        HeadPrediction head = new HeadPrediction(Taxonomy.EFFECT, "Crash", confidence,
                List.of(new HeadPrediction.LabelScore("Crash", confidence), new HeadPrediction.LabelScore("Hang", 1 - confidence)),
                threshold);
        return ClassifyResponse.of(null, INFO, new Prediction(List.of(head)),
                new ClassifyRequestReader.Options(null, null, false, 0), null, null).heads().get(Taxonomy.EFFECT);
    }

    @Test
    void a_threshold_reads_to_the_thousandth_and_accepted_still_compares_the_exact_one() {
        assertThat(effect(0.9, 0.7442162438859931).threshold()).isEqualTo(0.744);
        assertThat(effect(0.9, 1.0).threshold()).isEqualTo(1.0);
        ClassifyResponse.HeadResult justBelow = effect(0.7442, 0.7442162438859931);
        assertThat(justBelow.threshold()).isEqualTo(0.744);
        assertThat(justBelow.accepted()).isFalse();
        assertThat(justBelow.confidence()).isEqualTo(0.7442);
    }
}
