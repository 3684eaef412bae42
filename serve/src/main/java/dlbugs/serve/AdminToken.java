package dlbugs.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer token of the admin endpoints (reload; listing and reviewing corrections), taken from
 * the environment. Without one they are disabled (403); with one, a request must carry it (401).
 */
final class AdminToken {

    private final String token;

    /** @param token the token, or null to disable admin endpoints */
    AdminToken(String token) {
        this.token = token == null || token.isBlank() ? null : token;
    }

    /** @throws RefusedException unless the {@code Authorization} header carries the token */
    void authorize(String header) {
        if (token == null) {
            throw new RefusedException(403, "admin_disabled",
                    "admin endpoints are disabled; start the server with DLBUGS_ADMIN_TOKEN set");
        }
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new RefusedException(401, "unauthorized", "send the admin token as 'Authorization: Bearer <token>'",
                    "Bearer realm=\"dlbugs admin\"");
        }
    }
}
