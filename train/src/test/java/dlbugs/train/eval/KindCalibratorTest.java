package dlbugs.train.eval;

import dlbugs.model.bundle.HeadCalibration.KindCalibration;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.corpus.Quality;
import dlbugs.model.corpus.Source;
import dlbugs.model.taxonomy.Head;
import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KindCalibratorTest {

    private final Taxonomy taxonomy = Taxonomy.islam2019();
    private final Head effect = taxonomy.head(Taxonomy.EFFECT);
    private final Head dlBug = taxonomy.head(Taxonomy.DL_BUG);
    private final List<LabelledItem> items = new ArrayList<>();
    private final List<double[]> effectRows = new ArrayList<>();
    private final List<double[]> dlBugRows = new ArrayList<>();

    /** A unit of a source, its dl_bug answer, and (for a DL bug) its effect answer, right or wrong. */
    private void add(Source source, boolean isBug, double bugConfidence, boolean right, double confidence) {
        String id = "u" + items.size();
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        votes.put(Taxonomy.DL_BUG, Map.of(isBug ? Taxonomy.IS_DL_BUG : Taxonomy.NOT_DL_BUG, 1));
        if (isBug) {
            votes.put(Taxonomy.EFFECT, Map.of("Crash", 1));
        }
        items.add(new LabelledItem(id, id, source, Quality.SILVER, new BugReport("", "x", "", ""), votes, isBug));
        double[] e = new double[effect.size()];
        e[effect.indexOf(right ? "Crash" : "Hang")] = confidence;
        e[effect.indexOf(right ? "Hang" : "Crash")] = 1 - confidence;
        effectRows.add(e);
        double[] d = new double[dlBug.size()];
        d[dlBug.indexOf(Taxonomy.IS_DL_BUG)] = bugConfidence;
        d[dlBug.indexOf(Taxonomy.NOT_DL_BUG)] = 1 - bugConfidence;
        dlBugRows.add(d);
    }

    private List<Map<String, KindCalibration>> fit() {
        List<double[][]> oof = new ArrayList<>();
        for (Head h : taxonomy.heads()) {
            double[][] rows = new double[items.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = h == effect ? effectRows.get(i) : h == dlBug ? dlBugRows.get(i) : uniform(h.size());
            }
            oof.add(rows);
        }
        int[] folds = new int[items.size()];
        for (int i = 0; i < folds.length; i++) {
            folds[i] = i % 2;
        }
        return new KindCalibrator(taxonomy).fit(new CrossValidation(items, folds, Map.of("m", oof)), "m", 0.8);
    }

    private static double[] uniform(int n) {
        double[] r = new double[n];
        Arrays.fill(r, 1.0 / n);
        return r;
    }

    @Test
    void each_kind_gets_the_operating_point_of_its_own_held_out_answers() {
        for (int i = 0; i < 60; i++) {
            add(Source.GITHUB_ISSUE, true, 0.99, i < 30, i < 30 ? 0.95 : 0.6);   // issues: sure and right, or unsure and wrong
            add(Source.COMMITS, true, 0.99, i % 10 != 0, 0.7);                  // commits: 90% right at one confidence
        }
        for (int i = 0; i < 10; i++) {
            add(Source.STACKOVERFLOW, true, 0.99, true, 0.9);                   // too few questions for their own
        }
        Map<String, KindCalibration> kinds = fit().get(taxonomy.heads().indexOf(effect));

        assertThat(kinds).containsOnlyKeys("issue", "commit");
        assertThat(kinds.get("issue").precision()).isEqualTo(1.0);
        assertThat(kinds.get("issue").coverage()).isCloseTo(0.5, within(1e-9));
        assertThat(kinds.get("commit").precision()).isCloseTo(0.9, within(1e-9));
        assertThat(kinds.get("commit").coverage()).isEqualTo(1.0);
        assertThat(kinds.get("issue").n()).isEqualTo(60);
    }

    @Test
    void an_answer_for_a_report_that_is_no_dl_bug_counts_as_an_error_unless_dl_bug_refuses_it() {
        for (int i = 0; i < 250; i++) {
            add(Source.DENCHMARK, true, 0.99, true, 0.9);
        }
        for (int i = 0; i < 200; i++) {
            add(Source.DENCHMARK, false, 0.01, true, 0.9);   // not DL bugs, and dl_bug sure of it: refused
        }
        for (int i = 0; i < 50; i++) {
            add(Source.DENCHMARK, false, 0.99, true, 0.9);   // not DL bugs that dl_bug takes for some: let through
        }
        Map<String, KindCalibration> dl = fit().get(taxonomy.heads().indexOf(dlBug));
        assertThat(dl.get("issue").precision()).isCloseTo(0.9, within(1e-9));
        KindCalibration issue = fit().get(taxonomy.heads().indexOf(effect)).get("issue");
        // every effect answer is "right" on the 250 DL bugs; the 50 that got through have no right effect
        assertThat(issue.precision()).isCloseTo(250.0 / 300, within(1e-9));
        assertThat(issue.coverage()).isCloseTo(0.6, within(1e-9));
        assertThat(issue.n()).isEqualTo(500);
    }

    @Test
    void the_held_out_figures_apply_a_threshold_to_the_half_it_was_not_chosen_on() {
        int n = 40;
        int[] half = new int[n];
        int[] truth = new int[n];
        double[][] probs = new double[n][];
        boolean[] eligible = new boolean[n];
        Arrays.fill(eligible, true);
        for (int j = 0; j < n; j++) {
            half[j] = j < n / 2 ? 0 : 1;
            probs[j] = j < n / 2 ? new double[] {0.9, 0.1} : new double[] {0.1, 0.9};   // right on one half, as sure and wrong on the other
        }
        double[] overfit = KindCalibrator.crossFitted(half, truth, probs, eligible, 0.8);
        // chosen on the right half, 0.9 accepts the whole wrong half; the wrong half reaches no threshold
        assertThat(overfit[0]).isEqualTo(0.0);
        assertThat(overfit[1]).isCloseTo(0.5, within(1e-9));

        for (int j = 0; j < n; j++) {
            probs[j] = new double[] {0.9, 0.1};
        }
        assertThat(KindCalibrator.crossFitted(half, truth, probs, eligible, 0.8)).containsExactly(1.0, 1.0);
        Arrays.fill(eligible, false);
        assertThat(KindCalibrator.crossFitted(half, truth, probs, eligible, 0.8)[0]).isNaN();
    }
}
