package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

/** Calls the service the way a client would and reads the answer as JSON. */
final class ApiClient {

    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;

    ApiClient(HttpClient client) {
        this.client = client;
    }

    /** POSTs a JSON body to /classify. */
    Reply classify(String body) {
        return post("/classify", BodyPublishers.ofString(body), JSON);
    }

    /** POSTs a JSON body. */
    Reply postJson(String path, String body) {
        return post(path, BodyPublishers.ofString(body), JSON);
    }

    /** POSTs a body with the given content type (null: no Content-Type header). */
    Reply post(String path, BodyPublisher body, String contentType) {
        return Reply.of(client.request(path, request -> {
            request.post(body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
        }));
    }

    Reply get(String path) {
        return Reply.of(client.get(path));
    }

    /** @return a GET's body as text (for /metrics) */
    String raw(String path) {
        return client.get(path).body().string();
    }

    /** Sends a GET or POST with headers given as name, value, name, value...; a null body sends none. */
    Reply send(String method, String path, String body, String... headers) {
        return Reply.of(client.request(path, request -> {
            if (method.equals("POST")) {
                request.post(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
            } else {
                request.get();
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
        }));
    }

    /** Status, headers and parsed body of one response. */
    record Reply(int status, JsonNode json, Response raw) {
        static Reply of(Response response) {
            try {
                return new Reply(response.code(), MAPPER.readTree(response.body().string()), response);
            } catch (Exception e) {
                throw new AssertionError("response is not JSON: " + response.body().string(), e);
            }
        }

        String errorCode() {
            return json.path("error").asText(null);
        }

        String message() {
            return json.path("message").asText(null);
        }

        List<String> header(String name) {
            return raw.headers().get(name);
        }
    }
}
