package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A battery of malformed and hostile requests: each gets the documented status and a JSON error
 * body of the one shape, none a 5xx, and the service still answers correctly afterwards.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "battery-token";
    private static final String CT = "application/json";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One hostile request and what it must get: a status and an error code (null: a success). */
    private record Case(String name, Send send, int status, String error) {
    }

    /** Sends a request to the server on {@code port}; returns status and body. */
    @FunctionalInterface
    private interface Send {
        Answer to(int port) throws Exception;
    }

    record Answer(int status, String body) {
    }

    private static Case post(String name, String body, int status, String error) {
        return post(name, "/classify", body.getBytes(StandardCharsets.UTF_8), CT, status, error);
    }

    private static Case post(String name, String path, byte[] body, String contentType, int status, String error) {
        return new Case(name, port -> http(port, "POST", path, body, contentType, null), status, error);
    }

    private static Case method(String method, String path, int status, String error) {
        return new Case(method + " " + path, port -> http(port, method, path, "{\"text\":\"x\"}".getBytes(), CT, null),
                status, error);
    }

    private static Case raw(String name, String request, int status, String error) {
        return new Case(name, port -> socket(port, request.getBytes(StandardCharsets.ISO_8859_1)), status, error);
    }

    private static List<Case> battery() {
        List<Case> c = new ArrayList<>();
        // Broken JSON
        c.add(post("unclosed object", "{\"text\": \"x\"", 400, "invalid_json"));
        c.add(post("bare word value", "{\"text\": x}", 400, "invalid_json"));
        c.add(post("trailing garbage", "{\"text\": \"x\"} extra", 400, "invalid_json"));
        c.add(post("two objects", "{\"text\": \"a\"}{\"text\": \"b\"}", 400, "invalid_json"));
        c.add(post("empty body", "", 400, "invalid_json"));
        c.add(post("whitespace body", "  \n\t ", 400, "invalid_json"));
        c.add(post("array body", "[]", 400, "invalid_json"));
        c.add(post("string body", "\"text\"", 400, "invalid_json"));
        c.add(post("null body", "null", 400, "invalid_json"));
        c.add(post("number body", "42", 400, "invalid_json"));
        c.add(post("boolean body", "true", 400, "invalid_json"));
        c.add(post("duplicate key", "{\"text\": \"a\", \"text\": \"b\"}", 400, "invalid_json"));
        c.add(post("NaN literal", "{\"text\": \"a\", \"threshold\": NaN}", 400, "invalid_json"));
        c.add(post("single quotes", "{'text': 'a'}", 400, "invalid_json"));
        c.add(post("comment", "{\"text\": \"a\" /* hi */}", 400, "invalid_json"));
        c.add(post("deep nesting", "{\"text\": " + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "invalid_json"));
        c.add(post("deep nesting in unknown field", "{\"x\": " + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}",
                400, "invalid_json"));
        // Wrong fields and types
        c.add(post("text is a number", "{\"text\": 3}", 400, "invalid_request"));
        c.add(post("text is an array", "{\"text\": [\"a\"]}", 400, "invalid_request"));
        c.add(post("text is an object", "{\"text\": {\"a\": 1}}", 400, "invalid_request"));
        c.add(post("title is a boolean", "{\"title\": true, \"text\": \"a\"}", 400, "invalid_request"));
        c.add(post("library is a number", "{\"text\": \"a\", \"library\": 1}", 400, "invalid_request"));
        c.add(post("unknown field", "{\"text\": \"a\", \"body\": \"b\"}", 400, "invalid_request"));
        c.add(post("empty object", "{}", 400, "invalid_request"));
        c.add(post("all blank", "{\"title\": \" \", \"text\": \"\\n\", \"diff\": \"\"}", 400, "invalid_request"));
        c.add(post("all null", "{\"title\": null, \"text\": null, \"diff\": null}", 400, "invalid_request"));
        c.add(post("threshold is a string", "{\"text\": \"a\", \"threshold\": \"high\"}", 400, "invalid_request"));
        c.add(post("threshold above 1", "{\"text\": \"a\", \"threshold\": 2}", 400, "invalid_request"));
        c.add(post("threshold overflows", "{\"text\": \"a\", \"threshold\": 1e999}", 400, "invalid_request"));
        c.add(post("top_k zero", "{\"text\": \"a\", \"top_k\": 0}", 400, "invalid_request"));
        c.add(post("top_k fraction", "{\"text\": \"a\", \"top_k\": 2.5}", 400, "invalid_request"));
        c.add(post("top_k huge", "{\"text\": \"a\", \"top_k\": 123456789012345}", 400, "invalid_request"));
        // Bytes and encodings
        c.add(post("raw NUL byte in a string", "/classify", "{\"text\": \"a\u0000b\"}".getBytes(StandardCharsets.UTF_8), CT,
                400, "invalid_json"));
        c.add(post("invalid UTF-8", "/classify", concat("{\"text\": \"", new byte[]{(byte) 0xC3, 0x28}, "\"}"), CT,
                400, "invalid_json"));
        c.add(post("truncated UTF-8 sequence", "/classify", concat("{\"text\": \"", new byte[]{(byte) 0xE2, (byte) 0x82}, "\"}"),
                CT, 400, "invalid_json"));
        c.add(post("UTF-16 declared", "/classify", "{\"text\": \"a\"}".getBytes(StandardCharsets.UTF_16), CT + "; charset=utf-16",
                415, "unsupported_media_type"));
        c.add(post("latin-1 declared", "/classify", "{\"text\": \"a\"}".getBytes(), CT + "; charset=iso-8859-1",
                415, "unsupported_media_type"));
        c.add(post("no content type", "/classify", "{\"text\": \"a\"}".getBytes(), null, 415, "unsupported_media_type"));
        c.add(post("text/plain", "/classify", "{\"text\": \"a\"}".getBytes(), "text/plain", 415, "unsupported_media_type"));
        c.add(post("form encoded", "/classify", "text=a".getBytes(), "application/x-www-form-urlencoded", 415,
                "unsupported_media_type"));
        c.add(post("xml", "/classify", "<text>a</text>".getBytes(), "application/xml", 415, "unsupported_media_type"));
        c.add(post("body over 1 MiB", "/classify", ("{\"text\": \"" + "a".repeat(1_100_000) + "\"}").getBytes(), CT,
                413, "body_too_large"));
        // Methods and paths
        c.add(method("GET", "/classify", 405, "method_not_allowed"));
        c.add(method("PUT", "/classify", 405, "method_not_allowed"));
        c.add(method("DELETE", "/classify", 405, "method_not_allowed"));
        c.add(method("PATCH", "/classify/batch", 405, "method_not_allowed"));
        c.add(method("POST", "/model", 405, "method_not_allowed"));
        c.add(method("POST", "/metrics", 405, "method_not_allowed"));
        c.add(method("GET", "/admin/reload", 405, "method_not_allowed"));
        c.add(method("GET", "/no/such/path", 404, "not_found"));
        c.add(method("GET", "/classify/../../etc/passwd", 400, "bad_request"));
        // Batches
        c.add(post("instances not an array", "/classify/batch", "{\"instances\": {\"text\": \"a\"}}".getBytes(), CT,
                400, "invalid_request"));
        c.add(post("no instances", "/classify/batch", "{\"instances\": []}".getBytes(), CT, 400, "invalid_request"));
        c.add(post("instance not an object", "/classify/batch", "{\"instances\": [\"a\"]}".getBytes(), CT,
                400, "invalid_request"));
        c.add(post("unknown field in an instance", "/classify/batch", "{\"instances\": [{\"txt\": \"a\"}]}".getBytes(), CT,
                400, "invalid_request"));
        c.add(post("batch without instances", "/classify/batch", "{\"text\": \"a\"}".getBytes(), CT, 400, "invalid_request"));
        // Admin
        c.add(new Case("reload without a token", port -> http(port, "POST", "/admin/reload", new byte[0], null, null),
                401, "unauthorized"));
        c.add(new Case("reload with a wrong token", port -> http(port, "POST", "/admin/reload", new byte[0], null, "Bearer x"),
                401, "unauthorized"));
        c.add(new Case("reload with basic auth", port -> http(port, "POST", "/admin/reload", new byte[0], null,
                "Basic " + TOKEN), 401, "unauthorized"));
        c.add(new Case("reload of a garbage bundle", port -> http(port, "POST", "/admin/reload", new byte[0], null,
                "Bearer " + TOKEN), 409, "reload_refused"));
        // Protocol-level damage, answered by Jetty before routing
        c.add(raw("malformed URI escape", "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad_request"));
        c.add(raw("NUL in the path", "GET /a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad_request"));
        c.add(raw("non-numeric Content-Length", "POST /classify HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n"
                + "Connection: close\r\n\r\n", 400, "bad_request"));
        c.add(raw("header line without a colon", "GET /health HTTP/1.1\r\nHost: x\r\nBroken header\r\nConnection: close\r\n\r\n",
                400, "bad_request"));
        c.add(raw("oversized header", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n", 431, "request_header_fields_too_large"));
        // Odd but valid content: answered, not refused
        c.add(post("text the model knows nothing of", "{\"text\": \"nothing\"}", 422, "no_usable_content"));
        c.add(post("escaped NUL and lone surrogate", "{\"text\": \"a\\u0000b\\ud800c\"}", 200, null));
        c.add(post("emoji and right-to-left text", "{\"text\": \"\uD83D\uDD25 \u05e9\u05dc\u05d5\u05dd crash\"}", 200, null));
        c.add(post("900 KB of text", "{\"text\": \"" + "tf.reshape ".repeat(80_000) + "\"}", 200, null));
        return c;
    }

    /** What a message must never show: Java class names, Jackson's settings, token names and source descriptions. */
    private static final Pattern INTERNALS = Pattern.compile(
            "`|\\$|\\b(com|org|java)\\.[a-z]+\\.|Exception|StreamReadConstraints|REDACTED|\\[Source|\\b[A-Z]{3,}_[A-Z_]+\\b");

    @Test
    void every_hostile_request_gets_its_status_and_a_json_error_and_the_service_still_answers() throws Exception {
        ReloadTest.Source source = new ReloadTest.Source();
        ServeApp.Service service = ServeApp.build(source.load(), source, ServeConfig.defaults().withServing(64, 2, TOKEN));
        source.corrupt();
        List<Case> cases = battery();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        JavalinTest.test(service.app(), (server, client) -> {
            List<String> wrong = new ArrayList<>();
            for (Case c : cases) {
                Answer a = c.send().to(server.port());
                JsonNode body = parse(a.body());
                boolean ok = a.status() == c.status() && body != null
                        && (c.error() == null ? !body.has("error") : c.error().equals(body.path("error").asText())
                        && !body.path("message").asText().isBlank()
                        && !INTERNALS.matcher(body.path("message").asText()).find());
                if (!ok) {
                    wrong.add(c.name() + ": expected " + c.status() + " " + c.error() + ", got " + a.status() + " "
                            + a.body().substring(0, Math.min(200, a.body().length())));
                }
            }
            assertThat(wrong).isEmpty();
            ApiClient api = new ApiClient(client);
            ApiClient.Reply after = api.classify("{\"text\": \"ValueError in reshape\"}");
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().path("heads").path("effect").path("label").asText()).isEqualTo(FakePredictor
                    .expected(new dlbugs.model.corpus.BugReport(null, "ValueError in reshape", null, null)).head("effect").label());
            assertThat(api.get("/health/ready").status()).isEqualTo(200);
        });
    }

    static Answer http(int port, String method, String path, byte[] body, String contentType, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r;
        try {
            r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException stale) {
            // A pooled connection the server closed after its previous answer (as Jetty does after
            // some errors) fails before any byte of a response; that, and only that, is retried.
            if (!String.valueOf(stale.getMessage()).contains("received no bytes")) {
                throw stale;
            }
            r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Answer(r.statusCode(), r.body());
    }

    /** Sends raw bytes and reads the response until the server closes the connection. */
    private static Answer socket(int port, byte[] request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split).toLowerCase();
            String body = response.substring(split + 4);
            return new Answer(status, head.contains("transfer-encoding: chunked") ? dechunk(body) : body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int nl = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, nl).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, nl + 2, nl + 2 + size);
            i = nl + 2 + size + 2;
        }
        return out.toString();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] concat(String a, byte[] b, String c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(b);
        out.writeBytes(c.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
