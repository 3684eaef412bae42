package dlbugs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Speed work must not move the shipped bundle's answers: a few reports' labels are pinned in a
 * golden file made from this very bundle, and the same bundle answers them alike one at a time,
 * in one batch, and through HTTP ({@code /classify} and {@code /classify/batch}). A retrained
 * bundle changes the labels on purpose; then regenerate the file (and review its diff) with
 * <pre>mvn -o -q -pl serve test -Dtest=ShippedBundleAnswersTest -Ddlbugs.golden.update=true</pre>
 */
class ShippedBundleAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of(System.getProperty("dlbugs.root"),
            "serve/src/test/resources/golden/shipped-bundle-labels.json");
    private static final String REGENERATE = "mvn -o -q -pl serve test -Dtest=ShippedBundleAnswersTest -Ddlbugs.golden.update=true";

    /** Written for this test (no corpus text): several libraries, symptoms and causes. */
    private static final Map<String, BugReport> REPORTS = reports();

    private static LoadedModel model;
    private static String bundleDigest;

    private static Map<String, BugReport> reports() {
        Map<String, BugReport> r = new LinkedHashMap<>();
        r.put("reshape", new BugReport("ValueError: Cannot reshape a tensor with 784 elements to shape [28, 28, 3]",
                "model.fit fails on grayscale images; the first Conv2D layer expects input_shape=(28, 28, 3).",
                "-model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 3)))\n+model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))",
                "keras"));
        r.put("nan-loss", new BugReport("Loss becomes NaN after a few epochs",
                "Training with SGD and a learning rate of 1.0 makes the loss nan after epoch 3; lowering it to 0.01 fixes it.",
                "-opt = tf.keras.optimizers.SGD(learning_rate=1.0)\n+opt = tf.keras.optimizers.SGD(learning_rate=0.01)",
                "tensorflow"));
        r.put("cuda-oom", new BugReport("RuntimeError: CUDA out of memory",
                "Tried to allocate 2.00 GiB when evaluating the model; I forgot torch.no_grad() around the validation loop.",
                "-outputs = model(inputs)\n+with torch.no_grad():\n+    outputs = model(inputs)", "pytorch"));
        r.put("api-moved", new BugReport("AttributeError: module 'tensorflow' has no attribute 'placeholder'",
                "After upgrading to TensorFlow 2 the old graph code breaks.",
                "-x = tf.placeholder(tf.float32, [None, 784])\n+x = tf.compat.v1.placeholder(tf.float32, [None, 784])",
                "tensorflow"));
        r.put("wrong-loss", new BugReport("Accuracy stays at 10% on MNIST",
                "I use binary_crossentropy with a softmax over 10 classes and the accuracy never improves.",
                "-model.compile(loss='binary_crossentropy', optimizer='adam')\n+model.compile(loss='categorical_crossentropy', optimizer='adam')",
                "keras"));
        r.put("device", new BugReport("Expected all tensors to be on the same device",
                "RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
                "-labels = batch['labels']\n+labels = batch['labels'].to(device)", "pytorch"));
        r.put("caffe-proto", new BugReport("Check failed: bottom[0]->num() == bottom[1]->num()",
                "The label blob and the data blob have different batch sizes in my train_val.prototxt.",
                "-    batch_size: 64\n+    batch_size: 32", "caffe"));
        r.put("question-only", new BugReport("How do I freeze the first layers of a pretrained ResNet?",
                "I want to fine-tune only the last block; the whole network still trains.", null, "pytorch"));
        return r;
    }

    @BeforeAll
    static void load() throws Exception {
        Path bundle = Path.of(System.getProperty("dlbugs.shippedBundle"));
        model = new BundleModelSource(bundle, 2).load();
        bundleDigest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)));
    }

    @Test
    void the_shipped_bundle_answers_its_golden_labels() throws Exception {
        Predictor predictor = model.replicas().get(0);
        ObjectNode now = JSON.createObjectNode().put("bundle", bundleDigest).put("regenerate", REGENERATE);
        ObjectNode labels = now.putObject("labels");
        REPORTS.forEach((id, report) -> labels.set(id, labels(predictor.predict(report))));
        if (Boolean.getBoolean("dlbugs.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, JSON.writeValueAsString(now) + "\n");
        }
        JsonNode golden = JSON.readTree(GOLDEN.toFile());
        assertThat(golden.path("bundle").asText()).as("the golden labels are of another bundle; if it was replaced on "
                + "purpose, regenerate them: " + REGENERATE).isEqualTo(bundleDigest);
        assertThat(now.get("labels")).isEqualTo(golden.get("labels"));
    }

    @Test
    void one_at_a_time_in_a_batch_and_on_another_replica_the_answers_agree() {
        List<BugReport> all = new ArrayList<>(REPORTS.values());
        List<Prediction> batched = model.replicas().get(0).predictAll(all);
        for (int i = 0; i < all.size(); i++) {
            Prediction alone = model.replicas().get(1).predict(all.get(i));
            assertThat(labels(batched.get(i))).isEqualTo(labels(alone));
            for (int h = 0; h < alone.heads().size(); h++) {
                assertThat(batched.get(i).heads().get(h).confidence())
                        .isCloseTo(alone.heads().get(h).confidence(), within(1e-5));
            }
        }
    }

    @Test
    void through_http_alone_and_batched_the_labels_are_the_predictors() {
        Predictor predictor = model.replicas().get(0);
        ServeApp.Service service = ServeApp.build(model, null, ServeConfig.defaults().withEndpoint("127.0.0.1", 0,
                Path.of(System.getProperty("dlbugs.shippedBundle"))));
        JavalinTest.test(service.app(), (server, client) -> {
            ApiClient api = new ApiClient(client);
            ArrayNode instances = JSON.createArrayNode();
            for (Map.Entry<String, BugReport> e : REPORTS.entrySet()) {
                ObjectNode body = request(e.getValue()).put("id", e.getKey());
                instances.add(body);
                ApiClient.Reply reply = api.classify(body.toString());
                assertThat(reply.status()).isEqualTo(200);
                assertThat(httpLabels(reply.json().get("heads"))).as(e.getKey()).isEqualTo(labels(predictor.predict(e.getValue())));
            }
            ApiClient.Reply batch = api.postJson("/classify/batch", JSON.createObjectNode().set("instances", instances).toString());
            assertThat(batch.status()).isEqualTo(200);
            int i = 0;
            for (BugReport report : REPORTS.values()) {
                assertThat(httpLabels(batch.json().get("predictions").get(i++).get("heads"))).isEqualTo(labels(predictor.predict(report)));
            }
        });
    }

    private static ObjectNode request(BugReport r) {
        ObjectNode body = JSON.createObjectNode().put("title", r.title()).put("text", r.text()).put("library", r.library());
        if (!r.diff().isEmpty()) {
            body.put("diff", r.diff());
        }
        return body;
    }

    private static ObjectNode labels(Prediction p) {
        ObjectNode out = JSON.createObjectNode();
        for (HeadPrediction h : p.heads()) {
            out.put(h.head(), h.label());
        }
        return out;
    }

    private static ObjectNode httpLabels(JsonNode heads) {
        ObjectNode out = JSON.createObjectNode();
        heads.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().get("label").asText()));
        return out;
    }
}
