package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServeMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(ServeMain main, String... args) {
        CommandLine cmd = ServeMain.commandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private int runWithRealLoader(String... args) {
        return run(new ServeMain(BundleModelSource::new, Map.of()), args);
    }

    private String onlyErrorLine() {
        assertThat(err.toString().lines()).hasSize(1);
        return err.toString().strip();
    }

    @Test
    void an_unknown_option_is_bad_usage_reported_in_one_line() {
        assertThat(runWithRealLoader("--colour", "blue")).isEqualTo(2);
        assertThat(onlyErrorLine()).startsWith("dlbugs serve: ").contains("--colour");
    }

    @Test
    void a_port_that_is_not_a_number_is_bad_usage() {
        assertThat(runWithRealLoader("--port", "http")).isEqualTo(2);
        assertThat(onlyErrorLine()).contains("--port").contains("http");
    }

    @Test
    void a_port_out_of_range_is_bad_usage() {
        assertThat(runWithRealLoader("--port", "70000")).isEqualTo(2);
        assertThat(onlyErrorLine()).contains("port must be in 0..65535");
    }

    @Test
    void a_non_positive_body_limit_is_bad_usage() {
        assertThat(runWithRealLoader("--max-body-bytes", "0")).isEqualTo(2);
        assertThat(onlyErrorLine()).contains("max body bytes");
    }

    @Test
    void a_missing_bundle_exits_65_like_the_cli_with_one_line_naming_the_path(@TempDir Path dir) {
        Path missing = dir.resolve("absent.bundle");

        assertThat(runWithRealLoader("--bundle", missing.toString(), "--port", "0")).isEqualTo(65);
        assertThat(onlyErrorLine()).startsWith("dlbugs serve: cannot load model bundle")
                .contains(missing.toString());
    }

    @Test
    void a_corrupt_bundle_exits_65_with_one_line_naming_the_path_and_the_problem(@TempDir Path dir) throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.bundle"), "this is not a zip file");

        assertThat(runWithRealLoader("--bundle", corrupt.toString(), "--port", "0")).isEqualTo(65);
        assertThat(onlyErrorLine()).contains(corrupt.toString()).contains("not a dlbugs bundle");
    }

    @Test
    void a_loader_failure_without_the_path_in_its_message_still_names_the_path() {
        ServeMain main = new ServeMain((path, replicas) -> () -> {
            throw new java.io.IOException("permission denied");
        }, Map.of());

        assertThat(run(main, "--bundle", "models/x.bundle", "--port", "0")).isEqualTo(74);
        assertThat(onlyErrorLine()).contains("models/x.bundle").contains("permission denied");
    }

    @Test
    void a_port_in_use_is_one_line_and_exit_69() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServeMain main = new ServeMain((path, n) -> () ->
                    new LoadedModel(List.of(FakePredictor.open()), new ObjectMapper().createObjectNode()), Map.of());
            assertThat(run(main, "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()))).isEqualTo(69);
            assertThat(onlyErrorLine()).isEqualTo("dlbugs serve: cannot serve on 127.0.0.1:" + taken.getLocalPort()
                    + ": the address is in use (another dlbugs?); stop what holds it or pick another --port");
        }
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertThat(runWithRealLoader("--help")).isEqualTo(0);
        assertThat(out.toString()).startsWith("Usage: dlbugs serve ").contains("--bundle").contains("DLBUGS_BUNDLE")
                .contains("--max-body-bytes");
    }

    @Test
    void a_loadable_bundle_is_served_on_the_requested_interface() throws Exception {
        Path[] loaded = new Path[1];
        int[] replicas = new int[1];
        ServeMain main = new ServeMain((path, n) -> () -> {
            loaded[0] = path;
            replicas[0] = n;
            return new LoadedModel(List.of(FakePredictor.open()), new ObjectMapper().createObjectNode());
        }, Map.of());

        assertThat(run(main, "--host", "127.0.0.1", "--port", "0", "--bundle", "some.bundle", "--replicas", "3")).isEqualTo(0);
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + main.service().app().port() + "/health")).build(),
                    BodyHandlers.ofString());
            assertThat(loaded[0]).isEqualTo(Path.of("some.bundle"));
            assertThat(replicas[0]).isEqualTo(3);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("fake-model");
        } finally {
            main.service().app().stop();
        }
    }

    @Test
    void a_small_queue_lowers_the_batch_limit_it_was_not_given() throws Exception {
        ServeMain main = new ServeMain((path, n) -> () -> new LoadedModel(List.of(FakePredictor.open()),
                new ObjectMapper().createObjectNode()), Map.of());

        assertThat(run(main, "--port", "0", "--queue-capacity", "1", "--replicas", "1")).as(err.toString()).isEqualTo(0);
        try {
            URI batch = URI.create("http://127.0.0.1:" + main.service().app().port() + "/classify/batch");
            HttpRequest.Builder post = HttpRequest.newBuilder(batch).header("Content-Type", "application/json");
            var one = HttpClient.newHttpClient().send(post.POST(HttpRequest.BodyPublishers.ofString(
                    "{\"instances\": [{\"text\": \"a\"}]}")).build(), BodyHandlers.ofString());
            var two = HttpClient.newHttpClient().send(post.POST(HttpRequest.BodyPublishers.ofString(
                    "{\"instances\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}")).build(), BodyHandlers.ofString());
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(two.statusCode()).isEqualTo(400);
            assertThat(two.body()).contains("must hold 1 to 1 reports");
        } finally {
            main.service().app().stop();
        }
    }

    @Test
    void a_batch_limit_over_the_queue_capacity_names_the_two_options() {
        assertThat(runWithRealLoader("--queue-capacity", "8", "--max-batch-items", "9")).isEqualTo(2);
        assertThat(onlyErrorLine()).contains("--max-batch-items 9", "--queue-capacity 8").doesNotContain("64");
    }
}
