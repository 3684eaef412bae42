package dlbugs.triage;

import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.HeadPrediction.LabelScore;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.NoUsableContentException;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A predictor whose answers a test can read off the report: "feature request" in the title is
 * not a DL bug, "unsure" is below every threshold, "nothing" has no usable content; anything else
 * is a confident Data bug that crashes in training, with an unsure root cause.
 */
final class ScriptedPredictor implements Predictor {

    static final ModelInfo INFO = new ModelInfo("scripted", "0.0.1-test", Taxonomy.islam2019().heads());
    final AtomicInteger reports = new AtomicInteger();

    @Override
    public List<Prediction> predictAll(List<BugReport> all) {
        List<Prediction> out = new ArrayList<>();
        for (BugReport r : all) {
            if (r.title().contains("nothing")) {
                throw new NoUsableContentException("nothing the model knows");
            }
            reports.incrementAndGet();
            out.add(answer(r.title().toLowerCase()));
        }
        return out;
    }

    private static Prediction answer(String title) {
        boolean notDl = title.contains("feature request");
        double sure = title.contains("unsure") ? 0.2 : 1;
        return new Prediction(List.of(
                head(Taxonomy.DL_BUG, notDl ? Taxonomy.NOT_DL_BUG : Taxonomy.IS_DL_BUG, 0.9, 0.5),
                head(Taxonomy.BUG_TYPE, "Data Bug", 0.70 * sure, 0.54),
                head(Taxonomy.BUG_TYPE_TOP, "Data", 0.80 * sure, 0.71),
                head(Taxonomy.ROOT_CAUSE, "UT", 0.30 * sure, 0.58),
                head(Taxonomy.EFFECT, "Crash", 0.95 * sure, 0.64),
                head(Taxonomy.STAGE, "Training", 0.81 * sure, 0.58),
                head(Taxonomy.FIX_PATTERN, "Data Dimension", 0.5 * sure, 1.0)));
    }

    private static HeadPrediction head(String name, String label, double confidence, double threshold) {
        Head h = INFO.heads().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        List<LabelScore> top = new ArrayList<>();
        top.add(new LabelScore(label, confidence));
        double rest = (1 - confidence) / (h.size() - 1);
        h.labels().stream().filter(l -> !l.equals(label)).forEach(l -> top.add(new LabelScore(l, rest)));
        return new HeadPrediction(name, label, confidence, top, threshold);
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }
}
