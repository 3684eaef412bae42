package dlbugs.serve;

import dlbugs.triage.GitHubToken;
import dlbugs.triage.LabelScheme;

import java.net.URI;
import java.util.Optional;

/**
 * How {@code POST /github/webhook} runs: off unless a secret is set; a dry run unless
 * {@code apply}.
 *
 * @param secret        the webhook's secret ({@code DLBUGS_GITHUB_WEBHOOK_SECRET}); null turns the endpoint off
 * @param apiUrl        GitHub's REST API
 * @param token         the token labels are applied with ({@code GITHUB_TOKEN}); needed to apply
 * @param apply         true to change GitHub, false to log the plans only
 * @param comment       true to post one comment per labelled issue
 * @param botLogin      the login the token acts as; its own events are ignored (null: only {@code Bot} senders are)
 * @param scheme        which heads become which labels
 * @param queueCapacity deliveries that may wait for the background worker before new ones get 503
 */
public record WebhookConfig(String secret, URI apiUrl, Optional<GitHubToken> token, boolean apply, boolean comment,
                            String botLogin, LabelScheme scheme, int queueCapacity) {

    /** The environment variable holding the secret. */
    public static final String SECRET_ENV = "DLBUGS_GITHUB_WEBHOOK_SECRET";
    public static final URI DEFAULT_API = URI.create("https://api.github.com");
    public static final int DEFAULT_QUEUE_CAPACITY = 64;

    public WebhookConfig {
        secret = secret == null || secret.isEmpty() ? null : secret;
        if (apply && token.isEmpty()) {
            throw new IllegalArgumentException("--github-apply needs a token: set " + GitHubToken.ENV);
        }
        if (apply && secret == null) {
            throw new IllegalArgumentException("--github-apply needs the webhook's secret: set " + SECRET_ENV);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the webhook queue capacity must be positive, got " + queueCapacity);
        }
        botLogin = botLogin == null || botLogin.isBlank() ? null : botLogin;
    }

    /** @return the endpoint turned off */
    public static WebhookConfig disabled() {
        return new WebhookConfig(null, DEFAULT_API, Optional.empty(), false, false, null, LabelScheme.defaults(),
                DEFAULT_QUEUE_CAPACITY);
    }

    /** @return true if the endpoint answers */
    public boolean enabled() {
        return secret != null;
    }

    /** Never prints the secret or the token. */
    @Override
    public String toString() {
        return "WebhookConfig[secret=" + (secret == null ? "unset" : "set") + ", apiUrl=" + apiUrl + ", token="
                + (token.isPresent() ? "set" : "unset") + ", apply=" + apply + ", comment=" + comment + ", botLogin="
                + botLogin + "]";
    }
}
