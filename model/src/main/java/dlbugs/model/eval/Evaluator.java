package dlbugs.model.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.predict.Prediction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores predictions against held-out units: per head, accuracy and macro-F1 of the model and
 * of a majority guess. A unit with several label sets counts its most voted label as truth.
 */
public final class Evaluator {

    /**
     * @param heads     head names to score, in order
     * @param test      held-out units
     * @param predicted predictions for {@code test}, in the same order
     * @param majority  head → most frequent training label
     * @return the figures
     */
    public Evaluation evaluate(List<String> heads, List<LabelledItem> test, List<Prediction> predicted,
                               Map<String, String> majority) {
        if (test.size() != predicted.size()) {
            throw new IllegalArgumentException("one prediction per test unit needed");
        }
        List<HeadEvaluation> out = new ArrayList<>();
        for (String head : heads) {
            List<String> truth = new ArrayList<>();
            List<String> guess = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                Optional<String> t = test.get(i).majority(head);
                if (t.isPresent()) {
                    truth.add(t.get());
                    guess.add(predicted.get(i).head(head).label());
                }
            }
            String maj = majority.get(head);
            List<String> constant = truth.stream().map(x -> maj).toList();
            out.add(new HeadEvaluation(head, truth.size(), accuracy(truth, guess), macroF1(truth, guess), maj,
                    accuracy(truth, constant), macroF1(truth, constant)));
        }
        return new Evaluation(test.size(), (int) test.stream().map(LabelledItem::groupId).distinct().count(), out);
    }

    static double accuracy(List<String> truth, List<String> guess) {
        if (truth.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (int i = 0; i < truth.size(); i++) {
            hit += truth.get(i).equals(guess.get(i)) ? 1 : 0;
        }
        return (double) hit / truth.size();
    }

    /** Macro-F1 over the labels that occur in truth or guesses. */
    static double macroF1(List<String> truth, List<String> guess) {
        Set<String> labels = new HashSet<>(truth);
        labels.addAll(guess);
        if (labels.isEmpty()) {
            return 0;
        }
        Map<String, int[]> tpFpFn = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String g = guess.get(i);
            if (t.equals(g)) {
                tpFpFn.computeIfAbsent(t, k -> new int[3])[0]++;
            } else {
                tpFpFn.computeIfAbsent(g, k -> new int[3])[1]++;
                tpFpFn.computeIfAbsent(t, k -> new int[3])[2]++;
            }
        }
        double sum = 0;
        for (String l : labels) {
            int[] c = tpFpFn.getOrDefault(l, new int[3]);
            sum += c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
        }
        return sum / labels.size();
    }
}
