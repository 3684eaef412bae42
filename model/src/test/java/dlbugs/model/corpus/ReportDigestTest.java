package dlbugs.model.corpus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDigestTest {

    private static final BugReport REPORT = new BugReport("Loss is NaN", "After 3 epochs\nthe loss is nan.", "- lr=1\n+ lr=0.01",
            "keras");

    @Test
    void the_same_text_with_other_white_space_is_the_same_report() {
        BugReport pasted = new BugReport("  Loss is NaN ", "After 3 epochs\r\n  the loss is nan.  ", "- lr=1\r\n+ lr=0.01\n",
                "Keras");
        assertThat(ReportDigest.of(pasted)).isEqualTo(ReportDigest.of(REPORT)).matches("[0-9a-f]{64}");
    }

    @Test
    void another_word_field_or_library_is_another_report() {
        String digest = ReportDigest.of(REPORT);
        assertThat(ReportDigest.of(new BugReport("Loss is NaN", "After 4 epochs\nthe loss is nan.", REPORT.diff(), "keras")))
                .isNotEqualTo(digest);
        assertThat(ReportDigest.of(new BugReport("Loss is NaN", REPORT.text(), REPORT.diff(), "torch"))).isNotEqualTo(digest);
        // a word moved from the title to the text is another report: fields are kept apart
        assertThat(ReportDigest.of(new BugReport("Loss", "is NaN After 3 epochs the loss is nan.", REPORT.diff(), "keras")))
                .isNotEqualTo(ReportDigest.of(new BugReport("Loss is NaN", "After 3 epochs the loss is nan.", REPORT.diff(),
                        "keras")));
    }
}
