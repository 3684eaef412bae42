package dlbugs.train.eval;

import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.eval.Evaluation;
import dlbugs.model.eval.HeadEvaluation;
import dlbugs.model.eval.HeadScores;
import dlbugs.model.eval.SliceEvaluation;
import dlbugs.model.eval.Scorer;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Scores out-of-fold predictions on a slice of units (gold, silver, by source, by library). */
public final class CvScores {

    private CvScores() {
    }

    /**
     * @param probs per head, one out-of-fold row per unit of {@code cv}
     * @param slice which units to score; only those labelled for the head and held out once (with a row) count
     * @return the head's scores on the slice
     */
    public static HeadScores score(CrossValidation cv, Head head, double[][] probs, Predicate<LabelledItem> slice) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < cv.items().size(); i++) {
            if (probs[i] != null && slice.test(cv.items().get(i)) && cv.items().get(i).has(head.name())) {
                idx.add(i);
            }
        }
        int[] truth = idx.stream()
                .mapToInt(i -> head.indexOf(cv.items().get(i).majority(head.name()).orElseThrow())).toArray();
        double[][] rows = idx.stream().map(i -> probs[i]).toArray(double[][]::new);
        return Scorer.score(head.name(), head.labels(), truth, rows);
    }

    /** @return the head's scores on its reference units ({@link Slices#reference}: gold, for most heads) */
    public static HeadScores onReference(CrossValidation cv, Head head, double[][] probs) {
        return score(cv, head, probs, Slices.reference(head, cv.items()));
    }

    /**
     * @return reference figures ({@link Slices#reference}: gold, for most heads) of {@code model}
     *         next to {@code baseline} per head, for the bundle
     */
    public static Evaluation summary(Taxonomy taxonomy, CrossValidation cv, String model, String baseline,
                                     String method) {
        Predicate<LabelledItem> gold = i -> i.quality() == Quality.GOLD;
        List<HeadEvaluation> heads = new ArrayList<>();
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            Head head = taxonomy.heads().get(h);
            Predicate<LabelledItem> reference = Slices.reference(head, cv.items());
            HeadScores m = score(cv, head, cv.oof().get(model).get(h), reference);
            HeadScores b = score(cv, head, cv.oof().get(baseline).get(h), reference);
            heads.add(new HeadEvaluation(head.name(), m.n(), m.accuracy(), m.macroF1(), mostFrequent(cv, head, reference),
                    b.accuracy(), b.macroF1()));
        }
        List<LabelledItem> scored = cv.items().stream().filter(gold).toList();
        return new Evaluation(method, scored.size(),
                (int) scored.stream().map(LabelledItem::groupId).distinct().count(), heads,
                slices(taxonomy, cv, model, baseline));
    }

    /** @return per source slice and head, the model's figures beside the baseline's, averaged over repositories where grouped so */
    private static List<SliceEvaluation> slices(Taxonomy taxonomy, CrossValidation cv, String model, String baseline) {
        Map<String, RepositoryScores.Score> byRepository = new LinkedHashMap<>();
        new RepositoryScores(taxonomy).scores(cv).stream().filter(r -> r.model().equals(model))
                .forEach(r -> byRepository.put(r.source() + "|" + r.head(), r));
        List<SliceEvaluation> out = new ArrayList<>();
        Slices.of(cv.items()).forEach((slice, filter) -> {
            if (!Slices.isSource(slice)) {
                return;
            }
            for (int h = 0; h < taxonomy.heads().size(); h++) {
                Head head = taxonomy.heads().get(h);
                HeadScores m = score(cv, head, cv.oof().get(model).get(h), filter);
                if (m.n() == 0) {
                    continue;
                }
                HeadScores b = score(cv, head, cv.oof().get(baseline).get(h), filter);
                RepositoryScores.Score r = byRepository.get(slice + "|" + head.name());
                out.add(new SliceEvaluation(slice, head.name(), m.n(), m.accuracy(), m.macroF1(), b.accuracy(),
                        r == null ? 0 : r.repositories(), r == null ? Double.NaN : r.meanAccuracy()));
            }
        });
        return out;
    }

    private static String mostFrequent(CrossValidation cv, Head head, Predicate<LabelledItem> reference) {
        return cv.items().stream().filter(reference).map(i -> i.majority(head.name()))
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(l -> l, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }
}
