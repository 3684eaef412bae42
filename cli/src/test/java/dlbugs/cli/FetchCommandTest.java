package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dlbugs.model.corpus.CorpusImporter;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.datasets.Downloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole {@code datasets fetch} command, offline: a local HTTP server plays the download
 * site (serving the corpus' own published files) and the Stack Exchange API, with a backoff
 * and a throttling error midway.
 */
class FetchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of(System.getProperty("dlbugs.corpus"));

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger questionCalls = new AtomicInteger();
    private volatile boolean throttleThirdCall = true;
    private final List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files/", this::file);
        server.createContext("/api/2.3/questions/", this::questions);
        server.createContext("/api/2.3/answers/", this::answers);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void file(HttpExchange x) throws IOException {
        String name = x.getRequestURI().getPath().substring("/files/".length());
        Path p = switch (name) {
            case "dataset.zip" -> CORPUS.resolve("islam2019/dataset.zip");
            case "fix.xlsx" -> CORPUS.resolve("islam2019/fix_patterns_icse2020.xlsx");
            case "dataset.csv" -> CORPUS.resolve("simba2024/dataset.csv");
            case "tampered.zip" -> CORPUS.resolve("islam2019/fix_patterns_icse2020.xlsx");
            default -> null;
        };
        send(x, p == null ? 404 : 200, p == null ? "not found".getBytes() : Files.readAllBytes(p), false);
    }

    /** Every id gets a question except those ending in 7; every third call hits a backoff, the third is throttled. */
    private void questions(HttpExchange x) throws IOException {
        int call = questionCalls.incrementAndGet();
        if (call == 3 && throttleThirdCall) {
            send(x, 400, JSON.writeValueAsBytes(JSON.createObjectNode().put("error_id", 502).put("error_name", "throttle_violation")
                    .put("error_message", "too many requests from this IP, more requests available in 3600 seconds")), true);
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (String id : ids(x, "/api/2.3/questions/")) {
            if (id.endsWith("7")) {
                continue;
            }
            ObjectNode q = items.addObject().put("question_id", Long.parseLong(id)).put("title", "Question " + id)
                    .put("body", "<p>Body of " + id + ": ValueError when calling model.fit</p>");
            q.putArray("tags").add("python").add("keras");
            if (id.endsWith("1")) {
                q.put("accepted_answer_id", Long.parseLong(id) * 10);
            }
        }
        body.put("quota_max", 300).put("quota_remaining", 250).put("has_more", false);
        if (call == 1) {
            body.put("backoff", 1);
        }
        send(x, 200, JSON.writeValueAsBytes(body), true);
    }

    private void answers(HttpExchange x) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (String id : ids(x, "/api/2.3/answers/")) {
            items.addObject().put("answer_id", Long.parseLong(id)).put("body", "<p>Answer " + id + "</p>");
        }
        body.put("quota_remaining", 249);
        send(x, 200, JSON.writeValueAsBytes(body), true);
    }

    private List<String> ids(HttpExchange x, String prefix) {
        queries.add(x.getRequestURI().getRawQuery());
        assertThat(x.getRequestURI().getQuery()).contains("site=stackoverflow", "filter=withbody");
        return List.of(x.getRequestURI().getPath().substring(prefix.length()).split(";"));
    }

    private static void send(HttpExchange x, int status, byte[] body, boolean gzip) throws IOException {
        byte[] out = body;
        if (gzip) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(b)) {
                z.write(body);
            }
            out = b.toByteArray();
            x.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        x.sendResponseHeaders(status, out.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(out);
        }
    }

    private record Run(int exit, String err, String out) {
    }

    private Run fetch(String... extra) {
        return fetchWith("dataset.zip", extra);
    }

    private Run fetchWith(String islamFile, String... extra) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = DlbugsCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        List<String> args = new java.util.ArrayList<>(List.of("datasets", "fetch", "--out", dir.resolve("corpus").toString(),
                "--stackexchange-api", base + "/api/2.3", "--islam2019-url", base + "/files/" + islamFile,
                "--fix-patterns-url", base + "/files/fix.xlsx", "--simba-url", base + "/files/dataset.csv",
                "--github-url", dir.resolve("no-github").toUri().toString().replaceAll("/$", ""), "--no-progress"));
        args.addAll(List.of(extra));
        return new Run(cl.execute(args.toArray(String[]::new)), err.toString(), out.toString());
    }

    private List<JsonNode> posts() throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("corpus/islam2019/stackoverflow_posts.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void fetches_verifies_stops_when_throttled_and_a_rerun_finishes_without_duplicates() throws Exception {
        Run first = fetch();

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("islam2019/dataset.zip downloaded and verified", "stopped: the API refused (throttle_violation)");
        assertThat(Downloads.sha256(dir.resolve("corpus/islam2019/dataset.zip")))
                .isEqualTo(Downloads.sha256(CORPUS.resolve("islam2019/dataset.zip")));
        List<String> ids = FetchCommandIds.of(dir.resolve("corpus/islam2019/dataset.zip"));
        List<JsonNode> afterFirst = posts();
        assertThat(afterFirst).hasSizeLessThan(ids.size()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("fidelity").asText()).isEqualTo("verbatim"));

        throttleThirdCall = false;
        Run second = fetch();

        assertThat(second.exit()).isZero();
        assertThat(second.err()).contains("islam2019/dataset.zip already there, verified")
                .contains(afterFirst.size() + " already there").doesNotContain("stopped");
        List<JsonNode> all = posts();
        Set<String> distinct = new HashSet<>();
        all.forEach(p -> distinct.add(p.path("id").asText()));
        assertThat(distinct).hasSize(all.size());
        long expected = ids.stream().filter(id -> !id.endsWith("7")).count();
        assertThat(all).hasSize((int) expected);
        assertThat(all).filteredOn(p -> p.path("id").asText().endsWith("1"))
                .allSatisfy(p -> assertThat(p.path("answer").asText()).startsWith("<p>Answer "));

        Path corpus = dir.resolve("corpus");
        JsonNode report = JSON.readTree(dir.resolve("corpus/fetch-report.json").toFile()).path("missing");
        assertThat(report.size()).isPositive();
        report.fields().forEachRemaining(e -> assertThat(e.getValue().asText())
                .satisfiesAnyOf(v -> assertThat(v).startsWith("repository gone"), v -> assertThat(v).startsWith("the API does not have it")));
        assertThat(second.err()).contains("dlbugs: missing", "listed in");
        var imported = new CorpusImporter(Taxonomy.islam2019()).importFrom(CorpusLayout.at(corpus), ImportOptions.defaults());
        long absentRows = dlbugs.model.corpus.LabelSheets.readStudyRows(corpus.resolve("islam2019/dataset.zip"), 3).stream()
                .filter(r -> r.source() == dlbugs.model.corpus.Source.STACKOVERFLOW && r.ref().strip().endsWith("7")).count();
        assertThat(imported.report().rowsDropped().getOrDefault("question not recovered offline", 0))
                .as("only the questions the API did not have are missing").isLessThanOrEqualTo((int) absentRows);
        assertThat(imported.report().notes().get("question text: cached post (verbatim)")).isGreaterThanOrEqualTo(all.size());
    }

    @Test
    void a_file_that_does_not_verify_is_refused_and_not_written() {
        Run r = fetchWith("tampered.zip", "--only", "islam2019");

        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.err()).contains("is not the published islam2019/dataset.zip").hasLineCount(1);
        assertThat(dir.resolve("corpus/islam2019/dataset.zip")).doesNotExist();
    }

    @Test
    void the_key_comes_from_a_file_reaches_the_api_and_is_never_printed() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("stackexchange.key"), "s3cr3t-key\n");

        Run r = fetch("--only", "islam2019", "--stackexchange-key-file", keyFile.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(queries).isNotEmpty().allSatisfy(q -> assertThat(q).contains("key=s3cr3t-key"));
        assertThat(r.err() + r.out()).doesNotContain("s3cr3t");
    }

    @Test
    void the_old_key_flag_is_refused_in_one_line_naming_the_replacements() {
        for (String[] old : new String[][]{{"--stackexchange-key", "s3cr3t-key"}, {"--stackexchange-key=s3cr3t-key"}}) {
            Run r = fetch(old);

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).hasLineCount(1).startsWith("dlbugs: --stackexchange-key is gone: set DLBUGS_STACKEXCHANGE_KEY "
                    + "or use --stackexchange-key-file").doesNotContain("s3cr3t", "Exception");
        }
        assertThat(queries).isEmpty();

        StringWriter help = new StringWriter();
        CommandLine cl = DlbugsCommand.commandLine();
        cl.setOut(new PrintWriter(help, true));
        cl.execute("datasets", "fetch", "--help");
        assertThat(help.toString()).contains("--stackexchange-key-file=FILE", "DLBUGS_STACKEXCHANGE_KEY")
                .doesNotContain("--stackexchange-key=");
    }

    @Test
    void a_key_file_that_cannot_be_read_stops_the_run_before_any_download() {
        Run r = fetch("--stackexchange-key-file", dir.resolve("absent.key").toString());

        assertThat(r.exit()).isEqualTo(74);
        assertThat(r.err()).hasLineCount(1).startsWith("dlbugs: cannot read the Stack Exchange key file");
        assertThat(dir.resolve("corpus/islam2019/dataset.zip")).doesNotExist();
    }
}
