package dlbugs.train.eval;

import dlbugs.model.bundle.HeadCalibration;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.eval.TemperatureScaling;
import dlbugs.model.eval.ThresholdChoice;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Calibrates a model's confidence from its out-of-fold predictions on each head's reference units
 * ({@link Slices#reference}: gold, or every labelled unit for a head gold cannot judge): a temperature
 * per head (the bundle's), a threshold per head reaching a target precision, the same per kind of
 * report ({@link KindCalibrator}: what the predictor uses for a kind it has one for), and, to report the
 * calibration error honestly, cross-fitted rows where each fold is rescaled by a temperature
 * fitted on the other folds only. A temperature is kept only where those cross-fitted rows show
 * that it lowers the calibration error.
 */
public final class Calibrator {

    private final Taxonomy taxonomy;

    public Calibrator(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param cv              out-of-fold predictions
     * @param model           which model's predictions to calibrate
     * @param precisionTarget precision each head's threshold must reach
     * @return one calibration per head, fitted on all reference out-of-fold rows; a head whose
     *         cross-fitted calibration error is not lower than its raw error keeps temperature 1
     */
    public List<HeadCalibration> fit(CrossValidation cv, String model, double precisionTarget) {
        return fit(cv, model, crossFitted(cv, model), precisionTarget);
    }

    /**
     * As {@link #fit(CrossValidation, String, double)}, for a caller that already has the model's
     * {@link #crossFitted} rows.
     */
    public List<HeadCalibration> fit(CrossValidation cv, String model, List<double[][]> crossFitted,
                                     double precisionTarget) {
        List<HeadCalibration> out = new ArrayList<>();
        List<Map<String, HeadCalibration.KindCalibration>> kinds = new KindCalibrator(taxonomy)
                .fit(cv, model, precisionTarget);
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            Head head = taxonomy.heads().get(h);
            Predicate<LabelledItem> reference = Slices.reference(head, cv.items());
            Rows rows = Rows.of(cv, model, head, h, -1, false, reference);
            boolean helps = CvScores.score(cv, head, crossFitted.get(h), reference).ece()
                    < CvScores.score(cv, head, cv.oof().get(model).get(h), reference).ece();
            double t = helps ? TemperatureScaling.fit(rows.truth(), rows.probs()) : 1.0;
            double[][] scaled = scale(rows.probs(), t);
            ThresholdChoice c = ThresholdChoice.choose(rows.truth(), scaled, precisionTarget);
            out.add(new HeadCalibration(taxonomy.heads().get(h).name(), t, c.threshold(), c.precision(), c.coverage(),
                    kinds.get(h)));
        }
        return out;
    }

    /**
     * @return the model's out-of-fold rows (all units), each fold rescaled by the temperature
     *         fitted on the other folds' reference rows
     */
    public List<double[][]> crossFitted(CrossValidation cv, String model) {
        List<double[][]> out = new ArrayList<>();
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            double[][] src = cv.oof().get(model).get(h);
            double[][] dst = new double[src.length][];
            for (int f = 0; f < cv.folds(); f++) {
                Head head = taxonomy.heads().get(h);
                Rows others = Rows.of(cv, model, head, h, f, true, Slices.reference(head, cv.items()));
                double t = TemperatureScaling.fit(others.truth(), others.probs());
                for (int i = 0; i < src.length; i++) {
                    if (cv.foldOf()[i] == f) {
                        dst[i] = TemperatureScaling.apply(src[i], t);
                    }
                }
            }
            out.add(dst);
        }
        return out;
    }

    private static double[][] scale(double[][] probs, double t) {
        double[][] out = new double[probs.length][];
        for (int i = 0; i < probs.length; i++) {
            out[i] = TemperatureScaling.apply(probs[i], t);
        }
        return out;
    }

    /** Reference rows of one head labelled for it ({@link Slices#reference}), optionally only those outside a fold. */
    private record Rows(int[] truth, double[][] probs) {
        static Rows of(CrossValidation cv, String model, Head head, int h, int fold, boolean excludeFold,
                       Predicate<LabelledItem> reference) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < cv.items().size(); i++) {
                LabelledItem item = cv.items().get(i);
                boolean inFold = cv.foldOf()[i] == fold;
                if (reference.test(item) && item.has(head.name()) && !(excludeFold && inFold)) {
                    idx.add(i);
                }
            }
            int[] truth = idx.stream().mapToInt(i -> head.indexOf(cv.items().get(i).majority(head.name()).orElseThrow()))
                    .toArray();
            double[][] probs = idx.stream().map(i -> cv.oof().get(model).get(h)[i]).toArray(double[][]::new);
            return new Rows(truth, probs);
        }
    }
}
