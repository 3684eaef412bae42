package dlbugs.triage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Checks GitHub's {@code X-Hub-Signature-256} header: {@code sha256=} and the hex HMAC-SHA256
 * of the raw body under the webhook's secret, compared in constant time. {@link #toString()}
 * hides the secret.
 */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private final byte[] secret;

    /** @param secret the webhook's secret, as set on GitHub */
    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the header GitHub would send for this body */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** @return true if {@code header} is the body's signature; false if it is missing, wrong or cut short */
    public boolean matches(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        // MessageDigest.isEqual takes the same time whatever the first differing byte; a shorter header just fails.
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "WebhookSignature[***]";
    }
}
