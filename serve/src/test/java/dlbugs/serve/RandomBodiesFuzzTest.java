package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzz test: random bodies (grammar-built JSON with hostile values, mutated valid
 * bodies, raw bytes) under random content types to both classify endpoints. No answer may be a
 * 5xx, and every answer is JSON of the documented shape. The seed and the number of bodies are
 * fixed for CI; {@code -Ddlbugs.fuzz.seed=N -Ddlbugs.fuzz.bodies=M} explores further locally.
 */
class RandomBodiesFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("title", "text", "diff", "library", "threshold", "top_k",
            "instances", "x", "", "TEXT", "text ");
    private static final List<String> TYPES = List.of("application/json", "application/json", "application/json",
            "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/json; charset=ascii", "");
    private static final List<String> VALID = List.of("{\"text\": \"ValueError in tf.reshape\", \"library\": \"tensorflow\"}",
            "{\"instances\": [{\"title\": \"a\"}, {\"diff\": \"+x = 1\"}], \"top_k\": 2}",
            "{\"title\": \"NaN loss\", \"threshold\": 0.5}");

    @Test
    void random_bodies_never_get_a_server_error() throws Exception {
        long seed = Long.getLong("dlbugs.fuzz.seed", 20_261_125L);
        int bodies = Integer.getInteger("dlbugs.fuzz.bodies", 1_500);
        Random rnd = new Random(seed);
        JavalinTest.test(ServeApp.create(FakePredictor.open(), ServeConfig.defaults().withMaxBodyBytes(64 * 1024)),
                (server, client) -> {
                    List<String> bad = new ArrayList<>();
                    int[] statuses = new int[6];
                    for (int i = 0; i < bodies && bad.size() < 5; i++) {
                        byte[] body = body(rnd);
                        String path = rnd.nextInt(3) == 0 ? "/classify/batch" : "/classify";
                        String type = TYPES.get(rnd.nextInt(TYPES.size()));
                        var a = HostileRequestsTest.http(server.port(), "POST", path, body, type.isEmpty() ? null : type, null);
                        statuses[a.status() / 100]++;
                        String problem = check(a.status(), a.body());
                        if (problem != null) {
                            bad.add("seed " + seed + " body " + i + " (" + path + ", " + type + "): " + problem + " for "
                                    + new String(body, StandardCharsets.UTF_8).substring(0, Math.min(120, body.length)));
                        }
                    }
                    assertThat(bad).isEmpty();
                    assertThat(statuses[2]).as("some bodies were valid").isPositive();
                    assertThat(statuses[4]).as("most were refused").isGreaterThan(bodies / 2);
                });
    }

    private static String check(int status, String body) {
        if (status >= 500) {
            return "status " + status;
        }
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (Exception e) {
            return "not JSON: " + body;
        }
        if (status >= 400) {
            return n.path("error").isTextual() && n.path("message").isTextual() ? null : "error without error/message";
        }
        return n.path("model").path("version").isTextual() && (n.has("heads") || n.has("predictions")) ? null
                : "success without model and heads";
    }

    private static byte[] body(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> value(rnd, 0, true).getBytes(StandardCharsets.UTF_8);
            case 2 -> mutate(rnd, VALID.get(rnd.nextInt(VALID.size())).getBytes(StandardCharsets.UTF_8));
            default -> {
                byte[] b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
                yield b;
            }
        };
    }

    private static byte[] mutate(Random rnd, byte[] valid) {
        byte[] b = valid.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(3)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
                default -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    String punctuation = "{}[]\",:\\0";
                    longer[at] = (byte) punctuation.charAt(rnd.nextInt(punctuation.length()));
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }

    /** A random JSON value; objects near the top favour the documented keys. */
    private static String value(Random rnd, int depth, boolean object) {
        int kind = object ? 0 : rnd.nextInt(depth > 6 ? 5 : 7);
        return switch (kind) {
            case 0 -> {
                StringBuilder s = new StringBuilder("{");
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ",").append(JSON.valueToTree(KEYS.get(rnd.nextInt(KEYS.size()))).toString())
                            .append(':').append(value(rnd, depth + 1, false));
                }
                yield s.append('}').toString();
            }
            case 1 -> JSON.valueToTree(text(rnd)).toString();
            case 2 -> List.of("0", "-1", "0.5", "1", "2", "1e308", "-1e-320", "12345678901234567890", "3.0")
                    .get(rnd.nextInt(9));
            case 3 -> rnd.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> {
                StringBuilder s = new StringBuilder("[");
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ",").append(value(rnd, depth + 1, rnd.nextInt(3) == 0));
                }
                yield s.append(']').toString();
            }
            default -> value(rnd, depth + 1, true);
        };
    }

    private static String text(Random rnd) {
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            int pick = rnd.nextInt(10);
            s.appendCodePoint(pick < 5 ? 'a' + rnd.nextInt(26) : pick < 7 ? ' ' : pick == 7 ? rnd.nextInt(32)
                    : pick == 8 ? 0x0400 + rnd.nextInt(0x2000) : 0x1F300 + rnd.nextInt(200));
        }
        return s.toString();
    }
}
