package dlbugs.train.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Libraries;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.eval.HeadScores;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks that measure what random cross-validation inside one corpus cannot: how every model does
 * on a whole source it never trained on (study commits, study questions, GitHub issues), and on a
 * whole library it never trained on (units of no known library always train). Each is a
 * cross-validation whose folds are the sources or the libraries, so all contestants share the
 * splits. A held-out part is scored on its units labelled for a head; the mean over held-out parts
 * leaves out parts with no such unit (the GitHub issues have no fix pattern).
 */
public final class Generalisation {

    /** A check: its name and, per unit, the part it belongs to (null: never held out). */
    public record Check(String name, Function<LabelledItem, String> partOf) {
    }

    /**
     * Each source held out in turn. Corrections always train: they are people's answers to the
     * model's mistakes on every source, not a source of reports of their own, and their slice of
     * the cross-validation scores them.
     */
    public static final Check CROSS_SOURCE = new Check("crossSource",
            i -> i.quality() == Quality.CORRECTED ? null : i.source().label());
    /** Each of the study's libraries held out in turn. */
    public static final Check LEAVE_ONE_LIBRARY_OUT = new Check("leaveOneLibraryOut",
            i -> Libraries.KNOWN.contains(i.report().library()) ? i.report().library() : null);
    /** The checks {@code evaluate} runs. */
    public static final List<Check> CHECKS = List.of(CROSS_SOURCE, LEAVE_ONE_LIBRARY_OUT);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Taxonomy taxonomy;
    private final CrossValidator validator;

    public Generalisation(Taxonomy taxonomy, CrossValidator validator) {
        this.taxonomy = taxonomy;
        this.validator = validator;
    }

    /** The parts of a check, in first-seen order, and each unit's part index (-1: trains only). */
    record Assignment(List<String> parts, int[] partOf) {
        static Assignment of(List<LabelledItem> items, Check check) {
            List<String> parts = new ArrayList<>();
            int[] partOf = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                String part = check.partOf().apply(items.get(i));
                if (part != null && !parts.contains(part)) {
                    parts.add(part);
                }
                partOf[i] = part == null ? -1 : parts.indexOf(part);
            }
            return new Assignment(parts, partOf);
        }
    }

    /**
     * Runs a check and scores it.
     *
     * @return {@code {"parts": [...], "results": [{model, heldOut, head, n, accuracy, macroF1}],
     *         "means": [{model, head, parts, accuracy, macroF1}]}}
     */
    public ObjectNode run(Check check, List<LabelledItem> items, List<FoldModel> models, long seed,
                          boolean silverInTraining, CrossValidator.Progress progress) throws Exception {
        Assignment a = Assignment.of(items, check);
        CrossValidation cv = validator.run(items, models, a.partOf(), seed, silverInTraining, progress);
        return score(cv, a);
    }

    /**
     * @param result what {@link #run} returned
     * @return a model's mean over the held-out parts of its macro-F1 and accuracy, averaged
     *         (the figure {@code train} chooses weightings on); empty if no part has the head
     */
    public static OptionalDouble meanScore(ObjectNode result, String model, String head) {
        for (var m : result.withArray("means")) {
            if (m.get("model").asText().equals(model) && m.get("head").asText().equals(head)) {
                return OptionalDouble.of((m.get("macroF1").asDouble() + m.get("accuracy").asDouble()) / 2);
            }
        }
        return OptionalDouble.empty();
    }

    /** @return how many fits a check makes per model */
    public static int parts(Check check, List<LabelledItem> items) {
        return Assignment.of(items, check).parts().size();
    }

    ObjectNode score(CrossValidation cv, Assignment a) {
        ObjectNode out = JSON.createObjectNode();
        out.set("parts", JSON.valueToTree(a.parts()));
        ArrayNode results = out.putArray("results");
        ArrayNode means = out.putArray("means");
        List<Set<LabelledItem>> members = new ArrayList<>();
        a.parts().forEach(p -> members.add(Collections.newSetFromMap(new IdentityHashMap<>())));
        for (int i = 0; i < cv.items().size(); i++) {
            if (a.partOf()[i] >= 0) {
                members.get(a.partOf()[i]).add(cv.items().get(i));
            }
        }
        for (String model : cv.oof().keySet()) {
            for (int h = 0; h < taxonomy.heads().size(); h++) {
                Head head = taxonomy.heads().get(h);
                Map<String, HeadScores> byPart = new LinkedHashMap<>();
                for (int p = 0; p < a.parts().size(); p++) {
                    HeadScores s = CvScores.score(cv, head, cv.oof().get(model).get(h), members.get(p)::contains);
                    if (s.n() > 0) {
                        byPart.put(a.parts().get(p), s);
                        results.addObject().put("model", model).put("heldOut", a.parts().get(p)).put("head", head.name())
                                .put("n", s.n()).put("accuracy", s.accuracy()).put("macroF1", s.macroF1());
                    }
                }
                if (!byPart.isEmpty()) {
                    means.addObject().put("model", model).put("head", head.name()).put("parts", byPart.size())
                            .put("accuracy", byPart.values().stream().mapToDouble(HeadScores::accuracy).average().orElse(0))
                            .put("macroF1", byPart.values().stream().mapToDouble(HeadScores::macroF1).average().orElse(0));
                }
            }
        }
        return out;
    }
}
