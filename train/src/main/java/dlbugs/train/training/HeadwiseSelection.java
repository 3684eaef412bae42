package dlbugs.train.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.eval.HeadScores;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.CrossValidation;
import dlbugs.train.eval.CvScores;
import dlbugs.train.eval.Generalisation;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Chooses each head's class weighting apart. Every candidate (the same setting, weighted
 * differently) is judged by one or more checks — cross-validation on the head's reference units
 * ({@link CvScores#onReference}), held-out sources ({@link Generalisation#meanScore}) — each on the
 * mean of macro-F1 and accuracy; each head takes the class weight power of the candidate with the
 * best mean over the checks. Macro-F1 alone favours fully balanced weights, which buy the rare
 * labels with the frequent ones and cost accuracy; accuracy alone favours the majority label;
 * random folds alone favour what does not travel to another source. The heads share a trunk, so
 * the mix is a new setting: its figures must come from its own cross-validation, not from its parts'.
 */
public final class HeadwiseSelection {

    /** How a model did on a head in one check; empty if the check has no unit for the head. */
    @FunctionalInterface
    public interface Judge {
        OptionalDouble score(String model, int head);
    }

    private HeadwiseSelection() {
    }

    /** @return a judge by a cross-validation's out-of-fold answers on each head's reference units */
    public static Judge crossValidated(Taxonomy taxonomy, CrossValidation cv) {
        return (model, h) -> OptionalDouble.of(score(CvScores.onReference(cv, taxonomy.heads().get(h),
                cv.oof().get(model).get(h))));
    }

    /** @return a judge by a generalisation check's means over its held-out parts */
    public static Judge heldOut(Taxonomy taxonomy, ObjectNode check) {
        return (model, h) -> Generalisation.meanScore(check, model, taxonomy.heads().get(h).name());
    }

    /** As {@link #choose(Taxonomy, List, List)} judged by cross-validation alone. */
    public static TrainingConfig choose(Taxonomy taxonomy, CrossValidation cv, List<TrainingConfig> candidates) {
        return choose(taxonomy, List.of(crossValidated(taxonomy, cv)), candidates);
    }

    /** @return what a head's candidate is chosen on: the mean of macro-F1 and accuracy */
    public static double score(HeadScores s) {
        return (s.macroF1() + s.accuracy()) / 2;
    }

    /**
     * @param judges     checks that judged every candidate, by its {@link TrainingConfig#candidateName()}
     * @param candidates settings that differ in their class weight powers only
     * @return the first candidate's setting with each head's power taken from that head's best
     *         candidate (the first of equals); the power most heads chose becomes the default
     */
    public static TrainingConfig choose(Taxonomy taxonomy, List<Judge> judges, List<TrainingConfig> candidates) {
        TrainingConfig first = candidates.get(0);
        if (candidates.stream().anyMatch(c -> !c.weighting().sourceWeights().equals(first.weighting().sourceWeights())
                || !c.withWeighting(first.weighting()).equals(first))) {
            throw new IllegalArgumentException("candidates must differ in their class weight powers only");
        }
        Map<String, Double> chosen = new LinkedHashMap<>();
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            Head head = taxonomy.heads().get(h);
            double bestScore = Double.NEGATIVE_INFINITY;
            for (TrainingConfig c : candidates) {
                int at = h;
                double s = judges.stream().map(j -> j.score(c.candidateName(), at)).filter(OptionalDouble::isPresent)
                        .mapToDouble(OptionalDouble::getAsDouble).average().orElse(0);
                if (s > bestScore) {
                    bestScore = s;
                    chosen.put(head.name(), c.weighting().power(head.name()));
                }
            }
        }
        Map<Double, Long> votes = new LinkedHashMap<>();
        chosen.values().forEach(p -> votes.merge(p, 1L, Long::sum));
        double common = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Weighting w = new Weighting(common, Map.of(), first.weighting().sourceWeights());
        for (Map.Entry<String, Double> e : chosen.entrySet()) {
            if (e.getValue() != common) {
                w = w.withPower(e.getKey(), e.getValue());
            }
        }
        return first.withWeighting(w);
    }
}
