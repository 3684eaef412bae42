package dlbugs.train.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Source;
import dlbugs.model.eval.HeadScores;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores every repository of a source grouped by repository ({@link Source#byRepository()}) on
 * its own, and averages over the repositories: what a maintainer who installs dlbugs on one
 * project may expect, each project counting once however many reports it has. Folds group these
 * sources by repository, so every repository's reports were answered by a model that never saw
 * a report of it.
 */
final class RepositoryScores {

    private final Taxonomy taxonomy;

    RepositoryScores(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** How a model did on one head of a source, repository by repository, averaged. */
    record Score(String source, String model, String head, int repositories, double meanAccuracy, double medianAccuracy,
                 double meanMacroF1) {
    }

    /** @return the scores as {@code metrics.json}'s {@code byRepository} entries */
    ArrayNode json(CrossValidation cv) {
        ArrayNode out = MetricsDocument.JSON.createArrayNode();
        for (Score s : scores(cv)) {
            out.addObject().put("source", s.source()).put("model", s.model()).put("head", s.head())
                    .put("repositories", s.repositories()).put("meanAccuracy", s.meanAccuracy())
                    .put("medianAccuracy", s.medianAccuracy()).put("meanMacroF1", s.meanMacroF1());
        }
        return out;
    }

    /**
     * @return one score per source × model × head, over the repositories with at least one unit
     *         labelled for the head
     */
    List<Score> scores(CrossValidation cv) {
        List<Score> out = new ArrayList<>();
        for (Source source : Source.ALL) {
            if (!source.byRepository()) {
                continue;
            }
            Map<String, List<LabelledItem>> repos = new LinkedHashMap<>();
            cv.items().stream().filter(i -> i.source().equals(source))
                    .forEach(i -> repos.computeIfAbsent(i.groupId(), g -> new ArrayList<>()).add(i));
            if (repos.isEmpty()) {
                continue;
            }
            for (String model : cv.oof().keySet()) {
                for (int h = 0; h < taxonomy.heads().size(); h++) {
                    add(out, cv, source, model, h, repos);
                }
            }
        }
        return out;
    }

    private void add(List<Score> out, CrossValidation cv, Source source, String model, int h,
                     Map<String, List<LabelledItem>> repos) {
        Head head = taxonomy.heads().get(h);
        List<Double> accuracy = new ArrayList<>();
        List<Double> macroF1 = new ArrayList<>();
        for (List<LabelledItem> units : repos.values()) {
            Set<LabelledItem> members = Collections.newSetFromMap(new IdentityHashMap<>());
            members.addAll(units);
            HeadScores s = CvScores.score(cv, head, cv.oof().get(model).get(h), members::contains);
            if (s.n() > 0) {
                accuracy.add(s.accuracy());
                macroF1.add(s.macroF1());
            }
        }
        if (accuracy.isEmpty()) {
            return;
        }
        double[] sorted = accuracy.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        out.add(new Score(source.label(), model, head.name(), accuracy.size(), Arrays.stream(sorted).average().orElse(0),
                median, macroF1.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    }
}
