package dlbugs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.serve.client.ApiClient;
import dlbugs.serve.client.ApiException;
import dlbugs.serve.client.api.DefaultApi;
import dlbugs.serve.client.model.BatchRequest;
import dlbugs.serve.client.model.BatchResponse;
import dlbugs.serve.client.model.ClassifyRequest;
import dlbugs.serve.client.model.ClassifyResponse;
import dlbugs.serve.client.model.ModelDescription;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client that openapi-generator (Java, native HTTP client) made from {@code /openapi.json} at
 * build time, calling the service with the shipped bundle: what the document declares is what
 * the service accepts and answers.
 */
class GeneratedClientTest {

    private static final String REPORT = "ValueError: Error when checking input: expected dense_1_input to have shape (784,)"
            + " but got array with shape (28, 28)";

    private static void withClient(ThrowingConsumer<DefaultApi> test) throws Exception {
        LoadedModel model = new BundleModelSource(Path.of(System.getProperty("dlbugs.shippedBundle")), 1).load();
        JavalinTest.test(ServeApp.build(model, null, ServeConfig.defaults()).app(), (server, client) -> {
            ApiClient api = new ApiClient();
            api.updateBaseUri("http://127.0.0.1:" + server.port());
            test.accept(new DefaultApi(api));
        });
    }

    /** Builds a request as a user's code would from JSON it holds, through the generated model's own mapper. */
    private static <T> T read(String json, Class<T> type) throws Exception {
        return ApiClient.createDefaultObjectMapper().readValue(json, type);
    }

    @Test
    void the_generated_client_sends_any_spelling_of_a_library_the_service_accepts() throws Exception {
        withClient(api -> {
            for (String library : new String[]{"KERAS", "pytorch", "tf.keras", "Other", ""}) {
                ClassifyRequest request = read("{\"text\": " + new ObjectMapper().writeValueAsString(REPORT)
                        + ", \"library\": \"" + library + "\", \"kind\": \"question\", \"explain\": true, \"similar\": 2, \"top_k\": 3}", ClassifyRequest.class);
                assertThat(ApiClient.createDefaultObjectMapper().writeValueAsString(request)).as("what the client sends")
                        .contains("\"library\":\"" + library + "\"");
                ClassifyResponse answer = api.classify(request);
                assertThat(answer.getHeads()).as(library).containsKeys("bug_type", "root_cause", "effect", "stage");
                assertThat(answer.getHeads().get("effect").getTop()).hasSize(3);
                assertThat(answer.getExplanation()).isNotEmpty();
                assertThat(answer.getSimilar()).hasSize(2);
            }
        });
    }

    @Test
    void the_generated_client_reads_batches_model_and_taxonomy() throws Exception {
        withClient(api -> {
            BatchResponse batch = api.classifyBatch(read("{\"instances\": [{\"id\": 1, \"text\": \"NaN loss\", \"library\": \"PyTorch\"},"
                    + " {\"id\": \"b\", \"text\": \"zzzz qqqq\"}]}", BatchRequest.class));
            assertThat(batch.getPredictions()).hasSize(2);
            ModelDescription model = api.model();
            assertThat(model.getName()).isEqualTo("dlbugs-islam2019");
            assertThat(new ObjectMapper().valueToTree(model.getEncoder()).path("artifact").asText()).contains("langchain4j");
            assertThat(api.taxonomy().getHeads()).isNotEmpty();
            assertThat(api.health().getStatus()).isEqualTo("ok");
        });
    }

    @Test
    void a_library_the_service_refuses_comes_back_as_the_documented_error() throws Exception {
        withClient(api -> assertThatThrownBy(() -> api.classify(read("{\"text\": \"x\", \"library\": \"matlab\"}", ClassifyRequest.class)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"error\":\"invalid_request\"", "library");
                }));
    }

    @FunctionalInterface
    private interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }
}
