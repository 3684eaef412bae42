package dlbugs.triage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GitHub's documented test vector, and what must not pass. */
class WebhookSignatureTest {

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GOOD = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private final WebhookSignature signature = new WebhookSignature("It's a Secret to Everybody");

    @Test
    void accepts_githubs_test_vector() {
        assertThat(signature.sign(BODY)).isEqualTo(GOOD);
        assertThat(signature.matches(BODY, GOOD)).isTrue();
    }

    @Test
    void refuses_a_wrong_missing_truncated_or_unprefixed_signature_or_another_body() {
        assertThat(signature.matches(BODY, GOOD.replace("757", "758"))).isFalse();
        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, GOOD.substring(0, GOOD.length() - 2))).isFalse();
        assertThat(signature.matches(BODY, GOOD.substring("sha256=".length()))).isFalse();
        assertThat(signature.matches("Hello, World?".getBytes(StandardCharsets.UTF_8), GOOD)).isFalse();
        assertThat(new WebhookSignature("other").matches(BODY, GOOD)).isFalse();
    }

    @Test
    void hides_the_secret_and_refuses_an_empty_one() {
        assertThat(signature.toString()).doesNotContain("Secret");
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
