package dlbugs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String kinds) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"heads": [{"name": "effect"}], "results": [], "calibration": [
                  {"head": "effect", "eceBefore": 0.1, "eceAfter": 0.05, "temperature": 1.2,
                   "threshold": 0.7, "precision": 0.8, "coverage": 0.4, "kinds": %s}]}
                """.formatted(kinds));
    }

    @Test
    void a_kind_shows_its_operating_point_and_what_it_did_on_the_half_it_was_not_chosen_on() throws Exception {
        String text = EvaluationSummary.of(doc("""
                {"commit": {"n": 120, "temperature": 1.5, "threshold": 0.72, "precision": 0.81, "coverage": 0.3,
                            "heldOutPrecision": 0.66, "heldOutCoverage": 0.25},
                 "issue": {"n": 900, "temperature": 1.1, "threshold": 1.0, "precision": null, "coverage": 0.0,
                           "heldOutPrecision": null, "heldOutCoverage": 0.0}}"""));

        assertThat(text).contains("commit   (120 units) T=1.50, threshold 0.72: precision 0.81 at coverage 0.30; "
                + "chosen on half, on the other half: precision 0.66 at coverage 0.25");
        assertThat(text).contains("issue    (900 units) T=1.10, precision target never reached: nothing accepted unreviewed; "
                + "chosen on half, the other half: nothing accepted");
    }

    @Test
    void a_document_without_held_out_figures_reads_as_before() throws Exception {
        String text = EvaluationSummary.of(doc("""
                {"commit": {"n": 120, "temperature": 1.5, "threshold": 0.72, "precision": 0.81, "coverage": 0.3}}"""));

        assertThat(text).contains("threshold 0.72: precision 0.81 at coverage 0.30\n").doesNotContain("half");
    }
}
