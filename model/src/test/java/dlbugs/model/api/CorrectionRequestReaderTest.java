package dlbugs.model.api;

import dlbugs.model.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorrectionRequestReaderTest {

    private final CorrectionRequestReader reader = new CorrectionRequestReader(Taxonomy.islam2019());

    private CorrectionRequest read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(RequestException.class).hasMessageContaining(message)
                .extracting(e -> ((RequestException) e).code()).isEqualTo(code);
    }

    @Test
    void reads_every_field_and_takes_a_label_in_the_taxonomy_s_case() {
        CorrectionRequest r = read("{\"title\": \"NaN loss\", \"text\": \"after epoch 3\", \"diff\": \"+x\", \"library\": \"PyTorch\","
                + " \"head\": \"effect\", \"label\": \"incorrect functionality\", \"model_version\": \"2026.12.01-ab\","
                + " \"answer\": \"Crash\", \"author\": \" ada \", \"note\": \"it runs, it is just wrong\"}");
        assertThat(r.report().title()).isEqualTo("NaN loss");
        assertThat(r.report().library()).isEqualTo("torch");
        assertThat(r.head()).isEqualTo("effect");
        assertThat(r.label()).isEqualTo("Incorrect Functionality");
        assertThat(r.modelVersion()).isEqualTo("2026.12.01-ab");
        assertThat(r.answer()).isEqualTo("Crash");
        assertThat(r.author()).isEqualTo("ada");
        assertThat(r.note()).isEqualTo("it runs, it is just wrong");
    }

    @Test
    void not_a_dl_bug_is_a_label_of_dl_bug_and_the_optional_fields_may_be_left_out() {
        CorrectionRequest r = read("{\"text\": \"how do I install it\", \"head\": \"dl_bug\", \"label\": \"not a dl bug\"}");
        assertThat(r.label()).isEqualTo(Taxonomy.NOT_DL_BUG);
        assertThat(r.author()).isEmpty();
        assertThat(r.modelVersion()).isNull();
        assertThat(r.answer()).isNull();
        assertThat(r.note()).isNull();
    }

    @Test
    void an_unknown_head_or_label_is_refused_with_every_accepted_value() {
        refused(() -> read("{\"text\": \"x\", \"head\": \"colour\", \"label\": \"red\"}"), RequestException.INVALID_REQUEST,
                "field 'head' must be one of dl_bug, bug_type, bug_type_top, root_cause, effect, stage, fix_pattern, got 'colour'");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\", \"label\": \"Explosion\"}"), RequestException.INVALID_REQUEST,
                "field 'label' must be one of the labels of effect: Bad Performance, Crash, Data Corruption, Hang, "
                        + "Incorrect Functionality, Memory Out of Bound, Unknown (any case), got 'Explosion'");
    }

    @Test
    void refuses_what_the_classify_reader_refuses_and_what_a_correction_needs() {
        refused(() -> read("[1]"), RequestException.INVALID_JSON, "must be a JSON object");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\""), RequestException.INVALID_JSON, "malformed JSON");
        refused(() -> read("{\"head\": \"effect\", \"label\": \"Hang\"}"), RequestException.INVALID_REQUEST,
                "at least one of title, text and diff");
        refused(() -> read("{\"text\": \"x\", \"label\": \"Hang\"}"), RequestException.INVALID_REQUEST, "field 'head' is required");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\", \"label\": 3}"), RequestException.INVALID_REQUEST,
                "field 'label' must be a string, got number");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\", \"label\": \"Hang\", \"id\": 1}"),
                RequestException.INVALID_REQUEST, "unknown field 'id'");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\", \"label\": \"Hang\", \"library\": \"jax\"}"),
                RequestException.INVALID_REQUEST, "field 'library' must be one of");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\", \"label\": \"Hang\", \"author\": \"a\\nb\"}"),
                RequestException.INVALID_REQUEST, "field 'author' must be one line");
        refused(() -> read("{\"text\": \"x\", \"head\": \"effect\", \"label\": \"Hang\", \"note\": \"" + "n".repeat(2_001) + "\"}"),
                RequestException.INVALID_REQUEST, "field 'note' must be at most 2000 characters, got 2001");
    }
}
