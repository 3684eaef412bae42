package dlbugs.label.spark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorModelsTest {

    @Test
    void loads_a_bundle_once_per_jvm_whatever_the_spelling_of_its_path() throws Exception {
        Path bundle = Path.of(System.getProperty("dlbugs.shippedBundle"));
        Path other = bundle.getParent().resolve(".").resolve(bundle.getFileName());
        assertThat(ExecutorModels.predictor(bundle)).isSameAs(ExecutorModels.predictor(other));
    }
}
