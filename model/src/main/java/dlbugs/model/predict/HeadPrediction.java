package dlbugs.model.predict;

import java.util.List;

/**
 * The answer for one head: the most likely label, its probability, and every label of the head
 * with its probability, best first (the scores sum to 1), with whether it may be applied without
 * a person and, where something other than the threshold decided that, why.
 *
 * @param head       head name
 * @param label      the most likely label
 * @param confidence its probability, in [0, 1]
 * @param top        all labels with their probabilities, best first
 * @param threshold  the confidence the answer needs to be applied without review
 * @param accepted   whether it may be: it reaches the threshold, and no rule forbids it (see {@link Prediction})
 * @param reason     why the answer is what it is or is not accepted, when a rule and not the
 *                   model decided (a cosmetic diff, a report not accepted as a DL bug); null otherwise
 */
public record HeadPrediction(String head, String label, double confidence, List<LabelScore> top, double threshold,
                             boolean accepted, String reason) {
    public HeadPrediction {
        top = List.copyOf(top);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence);
        }
    }

    /** An answer accepted when its confidence reaches the threshold. */
    public HeadPrediction(String head, String label, double confidence, List<LabelScore> top, double threshold) {
        this(head, label, confidence, top, threshold, confidence >= threshold, null);
    }

    /** @return this answer judged against another threshold (a caller's own), its reason kept */
    public HeadPrediction withThreshold(double t) {
        return new HeadPrediction(head, label, confidence, top, t, confidence >= t, reason);
    }

    /** @return this answer accepted whatever its threshold, because a rule made it certain */
    public HeadPrediction certain(String why) {
        return new HeadPrediction(head, label, confidence, top, threshold, true, why);
    }

    /** @return this answer not accepted, for the reason given */
    public HeadPrediction refused(String why) {
        return new HeadPrediction(head, label, confidence, top, threshold, false, why);
    }

    /** A label and its probability. */
    public record LabelScore(String label, double score) {
    }
}
