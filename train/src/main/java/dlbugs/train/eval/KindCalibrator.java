package dlbugs.train.eval;

import dlbugs.model.bundle.HeadCalibration.KindCalibration;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.ReportKind;
import dlbugs.model.eval.Scorer;
import dlbugs.model.eval.TemperatureScaling;
import dlbugs.model.eval.ThresholdChoice;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Calibrates each head per kind of report (issue, question, commit) on the out-of-fold answers
 * of that kind, gold and silver alike, so a threshold is chosen on held-out data that looks like
 * what is served: a temperature fitted on the kind's labelled units, then the lowest threshold whose
 * accepted answers reach the target precision. Answers are judged as the predictor gives them: a
 * head other than {@code dl_bug} is accepted only when {@code dl_bug} accepts the report as a DL bug
 * (its own threshold of the kind), and accepting any answer for a report that is not a DL bug counts
 * as an error. A kind with fewer than {@link #MIN_UNITS} units labelled for the head gets none.
 */
final class KindCalibrator {

    /** Fewest labelled units of a kind a head's own calibration is fitted on. */
    static final int MIN_UNITS = 40;

    private final Taxonomy taxonomy;

    KindCalibrator(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param cv     out-of-fold answers
     * @param model  whose answers
     * @param target the precision a threshold must reach
     * @return per head (in taxonomy order), kind label → its calibration
     */
    List<Map<String, KindCalibration>> fit(CrossValidation cv, String model, double target) {
        int dlBug = headIndex(Taxonomy.DL_BUG);
        List<Map<String, KindCalibration>> out = new ArrayList<>();
        taxonomy.heads().forEach(h -> out.add(new LinkedHashMap<>()));
        for (ReportKind kind : ReportKind.values()) {
            boolean[] gate = dlBug < 0 ? null : gate(cv, model, dlBug, kind, target, out.get(dlBug));
            for (int h = 0; h < taxonomy.heads().size(); h++) {
                if (h != dlBug) {
                    fitHead(cv, model, h, kind, target, gate, out.get(h));
                }
            }
        }
        return out;
    }

    /** Calibrates dl_bug for a kind; @return per unit, whether dl_bug accepts it as a DL bug (all true if it cannot say) */
    private boolean[] gate(CrossValidation cv, String model, int h, ReportKind kind, double target,
                           Map<String, KindCalibration> into) {
        boolean[] gate = new boolean[cv.items().size()];
        Arrays.fill(gate, true);
        KindCalibration c = fitHead(cv, model, h, kind, target, null, into);
        if (c == null) {
            return gate;
        }
        Head head = taxonomy.heads().get(h);
        int isBug = head.indexOf(Taxonomy.IS_DL_BUG);
        for (int i = 0; i < gate.length; i++) {
            double[] row = cv.oof().get(model).get(h)[i];
            if (row != null && cv.items().get(i).kind() == kind) {
                double[] p = TemperatureScaling.apply(row, c.temperature());
                gate[i] = Scorer.argmax(p) == isBug && p[isBug] >= c.threshold();
            }
        }
        return gate;
    }

    /** @return the kind's calibration of one head, also put into {@code into}; null if the kind has too few units */
    private KindCalibration fitHead(CrossValidation cv, String model, int h, ReportKind kind, double target,
                                    boolean[] gate, Map<String, KindCalibration> into) {
        Head head = taxonomy.heads().get(h);
        List<Integer> labelled = new ArrayList<>();
        List<Integer> judged = new ArrayList<>();
        for (int i = 0; i < cv.items().size(); i++) {
            LabelledItem item = cv.items().get(i);
            if (cv.oof().get(model).get(h)[i] == null || item.kind() != kind) {
                continue;
            }
            if (item.has(head.name())) {
                labelled.add(i);
                judged.add(i);
            } else if (Boolean.FALSE.equals(item.dlBug())) {
                judged.add(i);
            }
        }
        if (labelled.size() < MIN_UNITS) {
            return null;
        }
        double t = TemperatureScaling.fit(truth(cv, head, labelled), rows(cv, model, h, labelled, 1));
        int[] truth = truth(cv, head, judged);
        boolean[] eligible = new boolean[judged.size()];
        for (int j = 0; j < judged.size(); j++) {
            eligible[j] = gate == null || gate[judged.get(j)];
        }
        double[][] probs = rows(cv, model, h, judged, t);
        ThresholdChoice c = ThresholdChoice.choose(truth, probs, target, eligible);
        double[] heldOut = crossFitted(halves(cv, judged), truth, probs, eligible, target);
        KindCalibration k = new KindCalibration(t, c.threshold(), c.precision(), c.coverage(), judged.size(),
                heldOut[0], heldOut[1]);
        into.put(kind.label(), k);
        return k;
    }

    /** @return per judged unit, which half of the units it falls in: by its group, so a group never straddles them */
    private static int[] halves(CrossValidation cv, List<Integer> judged) {
        return judged.stream().mapToInt(i -> Math.floorMod(cv.items().get(i).groupId().hashCode(), 2)).toArray();
    }

    /**
     * What a threshold chosen on data like this does on data it was not chosen on: chosen on one
     * half, applied to the other, both ways, the accepted answers pooled.
     *
     * @return {precision of the accepted answers (NaN if none), their share of all rows}
     */
    static double[] crossFitted(int[] half, int[] truth, double[][] probs, boolean[] eligible, double target) {
        int accepted = 0;
        int right = 0;
        for (int side = 0; side < 2; side++) {
            int s = side;
            int[] on = IntStream.range(0, truth.length).filter(j -> half[j] == s).toArray();
            if (on.length == 0) {
                continue;
            }
            ThresholdChoice c = ThresholdChoice.choose(IntStream.of(on).map(j -> truth[j]).toArray(),
                    IntStream.of(on).mapToObj(j -> probs[j]).toArray(double[][]::new), target, pick(eligible, on));
            if (c.coverage() == 0) {
                continue;
            }
            for (int j = 0; j < truth.length; j++) {
                int g = Scorer.argmax(probs[j]);
                if (half[j] != s && eligible[j] && probs[j][g] >= c.threshold()) {
                    accepted++;
                    right += g == truth[j] ? 1 : 0;
                }
            }
        }
        return new double[] {accepted == 0 ? Double.NaN : (double) right / accepted, (double) accepted / truth.length};
    }

    private static boolean[] pick(boolean[] values, int[] at) {
        boolean[] out = new boolean[at.length];
        for (int j = 0; j < at.length; j++) {
            out[j] = values[at[j]];
        }
        return out;
    }

    /** @return per unit, its label's index for the head, or -1 for a unit with none (not a DL bug) */
    private static int[] truth(CrossValidation cv, Head head, List<Integer> idx) {
        return idx.stream().mapToInt(i -> cv.items().get(i).majority(head.name()).map(head::indexOf).orElse(-1)).toArray();
    }

    private static double[][] rows(CrossValidation cv, String model, int h, List<Integer> idx, double t) {
        return idx.stream().map(i -> TemperatureScaling.apply(cv.oof().get(model).get(h)[i], t)).toArray(double[][]::new);
    }

    private int headIndex(String name) {
        for (int h = 0; h < taxonomy.heads().size(); h++) {
            if (taxonomy.heads().get(h).name().equals(name)) {
                return h;
            }
        }
        return -1;
    }
}
