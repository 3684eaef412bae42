package dlbugs.model.predict;

import java.util.List;

/**
 * A model's answer for one report: one {@link HeadPrediction} per head, in output order.
 *
 * @param heads per-head answers
 */
public record Prediction(List<HeadPrediction> heads) {
    public Prediction {
        heads = List.copyOf(heads);
    }

    /** @return the answer for the named head */
    public HeadPrediction head(String name) {
        return heads.stream().filter(h -> h.head().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no head " + name));
    }
}
