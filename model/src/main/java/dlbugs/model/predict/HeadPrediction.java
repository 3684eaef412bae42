package dlbugs.model.predict;

import java.util.List;

/**
 * The answer for one head: the most likely label, its probability, and every label of the head
 * with its probability, best first (the scores sum to 1).
 *
 * @param head       head name
 * @param label      the most likely label
 * @param confidence its probability, in [0, 1]
 * @param top        all labels with their probabilities, best first
 * @param threshold  the model's confidence threshold for applying the answer without review
 */
public record HeadPrediction(String head, String label, double confidence, List<LabelScore> top, double threshold) {
    public HeadPrediction {
        top = List.copyOf(top);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence);
        }
    }

    /** @return true if the confidence reaches the model's threshold */
    public boolean accepted() {
        return confidence >= threshold;
    }

    /** A label and its probability. */
    public record LabelScore(String label, double score) {
    }
}
