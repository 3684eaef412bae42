package dlbugs.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stack Exchange client against a local imitation of the API: backoff and the daily quota. */
class StackExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2.3/", x -> {
            calls.add(x.getRequestURI().getPath() + "?" + x.getRequestURI().getQuery());
            ObjectNode body = JSON.createObjectNode();
            var items = body.putArray("items");
            for (String id : x.getRequestURI().getPath().replaceAll(".*/", "").split(";")) {
                items.addObject().put("question_id", Long.parseLong(id)).put("title", "Q" + id).put("body", "B" + id);
            }
            body.put("backoff", 5).put("quota_remaining", calls.size() == 2 ? 0 : 100);
            byte[] out = JSON.writeValueAsBytes(body);
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void waits_the_backoff_asks_in_batches_of_100_and_stops_when_the_quota_is_used_up() throws Exception {
        List<Duration> waits = new ArrayList<>();
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/2.3");
        List<String> ids = IntStream.range(1000, 1250).mapToObj(String::valueOf).toList();

        StackExchange.Result r = new StackExchange(HttpClient.newHttpClient(), api,
                Optional.of(new StackExchangeKey("k3y")), waits::add).questions(ids, i -> { });

        assertThat(calls).hasSize(2).allSatisfy(c -> assertThat(c).contains("site=stackoverflow", "filter=withbody", "key=k3y"));
        assertThat(calls.get(0).split("\\?")[0].split(";")).hasSize(100);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(r.questions()).hasSize(200);
        assertThat(r.missing()).hasSize(50).allSatisfy((id, why) -> assertThat(why).contains("daily quota is used up"));
        assertThat(r.stopReason()).contains("quota");
    }

    @Test
    void without_a_key_no_key_is_sent() throws Exception {
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/2.3");

        new StackExchange(HttpClient.newHttpClient(), api, Optional.empty(), d -> { }).questions(List.of("1"), i -> { });

        assertThat(calls).singleElement().asString().doesNotContain("key=");
    }

    @Test
    void an_unreachable_api_is_reported_without_the_key() throws Exception {
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/2.3");
        server.stop(0);
        var client = new StackExchange(HttpClient.newHttpClient(), api, Optional.of(new StackExchangeKey("s3cr3t")), d -> { });

        assertThatThrownBy(() -> client.questions(List.of("1"), i -> { }))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot reach the Stack Exchange API at " + api)
                .hasMessageNotContaining("s3cr3t").hasNoCause();
    }
}
