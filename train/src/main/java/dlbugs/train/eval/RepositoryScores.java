package dlbugs.train.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * @return one entry per source × model × head:
     *         {@code {source, model, head, repositories, meanAccuracy, medianAccuracy, meanMacroF1}}
     *         over the repositories with at least one unit labelled for the head
     */
    ArrayNode build(CrossValidation cv) {
        ArrayNode out = MetricsDocument.JSON.createArrayNode();
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

    private void add(ArrayNode out, CrossValidation cv, Source source, String model, int h,
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
        out.addObject().put("source", source.label()).put("model", model).put("head", head.name())
                .put("repositories", accuracy.size())
                .put("meanAccuracy", Arrays.stream(sorted).average().orElse(0)).put("medianAccuracy", median)
                .put("meanMacroF1", macroF1.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }
}
