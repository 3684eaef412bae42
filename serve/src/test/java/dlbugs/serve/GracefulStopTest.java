package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A graceful stop answers the requests in flight before the server goes away. */
class GracefulStopTest {

    @Test
    void requests_in_flight_are_answered_and_readiness_turns_503_while_draining() throws Exception {
        FakePredictor fake = FakePredictor.gated();
        ServeApp.Service service = ServeApp.build(new LoadedModel(List.of(fake), new ObjectMapper().createObjectNode()),
                null, ServeConfig.defaults().withEndpoint("127.0.0.1", 0, java.nio.file.Path.of("unused")));
        service.app().start();
        int port = service.app().port();
        CompletableFuture<HostileRequestsTest.Answer> inFlight = CompletableFuture.supplyAsync(() -> call(port, "POST",
                "/classify", "{\"text\": \"slow\"}"));
        fake.awaitFirstCall();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> service.stopGracefully(Duration.ofSeconds(10)));
        while (!service.stopping().get()) {
            Thread.sleep(5);
        }
        HostileRequestsTest.Answer ready = call(port, "GET", "/health/ready", null);
        fake.release();
        stop.get(20, TimeUnit.SECONDS);

        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).contains("not_ready");
        HostileRequestsTest.Answer answered = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("\"heads\"");
    }

    private static HostileRequestsTest.Answer call(int port, String method, String path, String body) {
        try {
            return HostileRequestsTest.http(port, method, path, body == null ? new byte[0] : body.getBytes(), "application/json", null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
