package dlbugs.model.predict;

/**
 * How much one feature of a report raised a head's answer: the drop in the answer's probability
 * when the feature is taken out (occlusion).
 *
 * @param feature the model's feature, e.g. {@code err:ValueError} or {@code w:reshape}
 * @param text    the words it stands for in the report, e.g. {@code ValueError}; empty if none
 * @param weight  probability of the answer with the feature minus without it
 */
public record Attribution(String feature, String text, double weight) {
}
