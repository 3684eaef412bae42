package dlbugs.train.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.eval.ClassScore;
import dlbugs.model.eval.CoveragePoint;
import dlbugs.model.eval.HeadScores;
import dlbugs.model.eval.ReliabilityBin;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds the {@code metrics.json} of {@code dlbugs evaluate} (schema in {@code docs/metrics.md}):
 * every model × slice × head with accuracy and macro-F1, and for gold the per-class scores,
 * confusion matrix, reliability diagram and coverage curve; the calibration of the calibrated
 * model before and after (cross-fitted) temperature scaling.
 */
public final class MetricsDocument {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Taxonomy taxonomy;

    public MetricsDocument(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param header      run description fields (command, createdAt, machine, corpusHash, folds, seed, ...)
     * @param cv          out-of-fold predictions of every model
     * @param calibrated  name of the calibrated model
     * @param crossFitted its cross-fitted calibrated rows
     * @param calibration its per-head calibration (fitted on all gold rows)
     * @return the document
     */
    public ObjectNode build(Map<String, Object> header, CrossValidation cv, String calibrated,
                            List<double[][]> crossFitted, List<HeadCalibration> calibration) {
        ObjectNode doc = JSON.createObjectNode();
        header.forEach((k, v) -> doc.set(k, JSON.valueToTree(v)));
        ArrayNode models = doc.putArray("models");
        cv.oof().keySet().forEach(models::add);
        ArrayNode heads = doc.putArray("heads");
        taxonomy.heads().forEach(h -> heads.addObject().put("name", h.name()).set("labels", JSON.valueToTree(h.labels())));
        ArrayNode results = doc.putArray("results");
        Map<String, Predicate<LabelledItem>> slices = Slices.of(cv.items());
        for (String model : cv.oof().keySet()) {
            slices.forEach((slice, filter) -> {
                for (int h = 0; h < taxonomy.heads().size(); h++) {
                    Head head = taxonomy.heads().get(h);
                    HeadScores s = CvScores.score(cv, head, cv.oof().get(model).get(h), filter);
                    if (s.n() == 0) {
                        continue;
                    }
                    ObjectNode r = results.addObject().put("model", model).put("slice", slice).put("head", head.name())
                            .put("n", s.n()).put("accuracy", s.accuracy()).put("macroF1", s.macroF1());
                    if (!Double.isNaN(s.rocAuc())) {
                        r.put("rocAuc", s.rocAuc());
                    }
                    ObjectNode recall = r.putObject("recall");
                    s.perClass().stream().filter(c -> c.support() > 0).forEach(c -> recall.put(c.label(), c.recall()));
                    if (slice.equals(Slices.referenceName(head, cv.items()))) {
                        details(r, s, head);
                        if (model.equals(calibrated)) {
                            HeadScores c = CvScores.score(cv, head, crossFitted.get(h), filter);
                            r.put("eceCalibrated", c.ece()).set("reliabilityCalibrated", JSON.valueToTree(bins(c.reliability())));
                        }
                    }
                }
            });
        }
        doc.set("byRepository", new RepositoryScores(taxonomy).json(cv));
        ArrayNode cal = doc.putArray("calibration");
        for (int h = 0; h < calibration.size(); h++) {
            Head head = taxonomy.heads().get(h);
            HeadCalibration c = calibration.get(h);
            Predicate<LabelledItem> reference = Slices.reference(head, cv.items());
            cal.addObject().put("head", c.head()).put("reference", Slices.referenceName(head, cv.items()))
                    .put("temperature", c.temperature())
                    .put("eceBefore", CvScores.score(cv, head, cv.oof().get(calibrated).get(h), reference).ece())
                    .put("eceAfter", CvScores.score(cv, head, crossFitted.get(h), reference).ece())
                    .put("threshold", c.threshold()).put("coverage", c.coverage())
                    .put("precision", Double.isNaN(c.precision()) ? null : c.precision())
                    .set("kinds", kinds(c));
        }
        return doc;
    }

    private static ObjectNode kinds(HeadCalibration c) {
        ObjectNode kinds = JSON.createObjectNode();
        c.kinds().forEach((kind, k) -> kinds.putObject(kind).put("n", k.n()).put("temperature", k.temperature())
                .put("threshold", k.threshold()).put("coverage", k.coverage())
                .put("precision", Double.isNaN(k.precision()) ? null : k.precision())
                .put("heldOutCoverage", k.heldOutCoverage())
                .put("heldOutPrecision", Double.isNaN(k.heldOutPrecision()) ? null : k.heldOutPrecision()));
        return kinds;
    }

    /** @return the document as indented JSON */
    public static String toJson(ObjectNode doc) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static void details(ObjectNode r, HeadScores s, Head head) {
        ArrayNode per = r.putArray("perClass");
        for (ClassScore c : s.perClass()) {
            per.addObject().put("label", c.label()).put("precision", c.precision()).put("recall", c.recall())
                    .put("f1", c.f1()).put("support", c.support());
        }
        ObjectNode confusion = r.putObject("confusion");
        confusion.set("labels", JSON.valueToTree(head.labels()));
        confusion.set("matrix", JSON.valueToTree(s.confusion()));
        r.put("ece", s.ece());
        r.set("reliability", JSON.valueToTree(bins(s.reliability())));
        ArrayNode cov = r.putArray("coverage");
        for (CoveragePoint p : s.coverage()) {
            cov.addObject().put("coverage", p.coverage()).put("accuracy", p.accuracy()).put("threshold", p.threshold());
        }
    }

    private static List<Map<String, Object>> bins(List<ReliabilityBin> bins) {
        return bins.stream().map(b -> Map.<String, Object>of("low", b.low(), "high", b.high(), "count", b.count(),
                "confidence", b.confidence(), "accuracy", b.accuracy())).toList();
    }
}
