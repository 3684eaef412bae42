package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.StoreLocation;
import dlbugs.model.bundle.BundleReader;
import dlbugs.model.bundle.ModelBundle;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.predict.BundlePredictor;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;
import dlbugs.model.predict.Predictor;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.testing.TinyCorpus;
import dlbugs.serve.BundleModelSource;
import dlbugs.serve.LoadedModel;
import dlbugs.serve.ServeApp;
import dlbugs.serve.ServeConfig;
import dlbugs.serve.WebhookConfig;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop closed, end to end: 30 reports of a small fixture, which its silver annotation calls
 * crashes, are corrected through {@code POST /corrections} (hangs and out-of-memory errors) and
 * accepted over HTTP; {@code dlbugs train --corrections} reads them (the import report and the
 * bundle count 30), and the retrained model answers at least 24 of the 30 with the corrected label.
 * A tiny network (no sentence encoder, no cross-validation) keeps it to seconds.
 */
class CorrectionsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "e2e-token";
    private static final String[] HANGS = {"training hangs forever at the first epoch, the process is stuck",
        "the dataloader freezes and never returns, the job hangs", "fit hangs with no progress, stuck on the first batch"};
    private static final String[] OOM = {"CUDA out of memory when the batch grows, memory exhausted on the GPU",
        "ResourceExhaustedError OOM when allocating the tensor, out of memory", "the GPU runs out of memory, OOM at batch 512"};

    @TempDir
    Path dir;

    private record Fixture(BugReport report, String corrected) {
    }

    private static List<Fixture> fixtures() {
        List<Fixture> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean hang = i % 2 == 0;
            String text = (hang ? HANGS : OOM)[i % 3] + " (report " + i + " of the fixture)";
            out.add(new Fixture(new BugReport("Issue " + i + (hang ? ": hang" : ": oom"), text, "", "keras"),
                    hang ? "Hang" : "Memory Out of Bound"));
        }
        return out;
    }

    @Test
    void thirty_corrections_posted_and_accepted_are_learned_by_train_with_corrections() throws Exception {
        List<Fixture> fixtures = fixtures();
        Path corpus = writeCorpus(fixtures);
        String db = dir.resolve("var/corrections.db").toString();

        List<Long> ids = postAndAccept(fixtures, db);
        assertThat(ids).hasSize(30).doesNotHaveDuplicates();

        CliHarness cli = new CliHarness();
        Path bundle = dir.resolve("retrained.bundle");
        int code = cli.run("train", "--corpus", corpus.toString(), "--corrections", db, "--encoder", "none", "--folds", "0",
                "--epochs", "200", "--out", bundle.toString(), "--report", "--no-progress");
        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).containsPattern("(?m)^\\s+30\\s+corrections$")
                .containsPattern("(?m)^\\s+30\\s+corrected/corrections$")
                .contains("+ 30 corrected (30 accepted corrections up to id " + ids.get(29) + ")");

        ModelBundle read = BundleReader.read(bundle);
        assertThat(read.manifest().provenance().corrections().count()).isEqualTo(30);
        assertThat(read.manifest().provenance().corrections().upToId()).isEqualTo(ids.get(29));
        Predictor retrained = BundlePredictor.load(bundle);
        List<Prediction> answers = retrained.predictAll(fixtures.stream().map(Fixture::report).toList());
        int right = 0;
        for (int i = 0; i < fixtures.size(); i++) {
            right += answers.get(i).head("effect").label().equals(fixtures.get(i).corrected()) ? 1 : 0;
        }
        java.nio.file.Files.writeString(Path.of("target", "corrections-e2e.txt"), right + " of 30 reports answered with "
                + "the corrected effect\n");
        assertThat(right).as("reports answered with their corrected effect").isGreaterThanOrEqualTo(24);

        JsonNode model = getModel(bundle);
        assertThat(model.path("provenance").path("corrections").path("count").asInt()).isEqualTo(30);
    }

    /** A corpus whose 30 GitHub issues are silver crashes: the corrections must override that. */
    private Path writeCorpus(List<Fixture> fixtures) throws Exception {
        List<String> issues = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            BugReport r = fixtures.get(i).report();
            issues.add(JSON.writeValueAsString(JSON.createObjectNode().put("id", "gi" + i).put("url", "").put("repo", "a/b" + i)
                    .put("library", "keras").put("title", r.title()).put("body", r.text())));
            annotations.add(JSON.writeValueAsString(JSON.createObjectNode().put("id", "gi" + i).put("is_dl_bug", "yes")
                    .put("bug_type", "Coding Bug").put("root_cause", "Others").put("effect", "Crash").put("stage", "Training")));
        }
        return TinyCorpus.write(dir.resolve("corpus"), issues, annotations);
    }

    private List<Long> postAndAccept(List<Fixture> fixtures, String db) throws Exception {
        Javalin app = ServeApp.build(new LoadedModel(List.of(new Unused()), JSON.createObjectNode()), null,
                ServeConfig.defaults().withEndpoint("127.0.0.1", 0, Path.of("unused")).withServing(8, 1, TOKEN),
                WebhookConfig.disabled(), CorrectionStores.open(StoreLocation.parse(db, Map.of()), 2_000)).app().start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            List<Long> ids = new ArrayList<>();
            for (Fixture f : fixtures) {
                ObjectNode body = JSON.createObjectNode().put("title", f.report().title()).put("text", f.report().text())
                        .put("library", f.report().library()).put("head", "effect").put("label", f.corrected())
                        .put("answer", "Crash").put("author", "maintainer");
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/corrections"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                long id = JSON.readTree(r.body()).path("id").asLong();
                HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/corrections/" + id
                        + "/accept?by=lead")).header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
                ids.add(id);
            }
            return ids;
        } finally {
            app.stop();
        }
    }

    private static JsonNode getModel(Path bundle) throws Exception {
        BundleModelSource source = new BundleModelSource(bundle, 1);
        Javalin app = ServeApp.build(source.load(), source, ServeConfig.defaults().withEndpoint("127.0.0.1", 0, bundle))
                .app().start();
        try {
            return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.port() + "/model")).build(), HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            app.stop();
        }
    }

    /** The service needs a model to start; posting corrections never asks it anything. */
    private static final class Unused implements Predictor {
        @Override
        public List<Prediction> predictAll(List<BugReport> reports) {
            throw new AssertionError("posting a correction classifies nothing");
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("unused", "0", Taxonomy.islam2019().heads());
        }
    }
}
