package dlbugs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.model.corpus.GithubRef;
import dlbugs.model.corpus.LabelSheets;
import dlbugs.model.corpus.Source;
import dlbugs.model.io.AtomicFile;
import dlbugs.datasets.Artifact;
import dlbugs.datasets.Commits;
import dlbugs.datasets.Downloads;
import dlbugs.datasets.Posts;
import dlbugs.datasets.Published;
import dlbugs.datasets.StackExchange;
import dlbugs.datasets.StackExchangeKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code dlbugs datasets fetch}: rebuilds the corpus from its public sources into {@code --out},
 * in the schema the importer reads. Published files are verified by size and SHA-256; questions
 * come from the Stack Exchange API. A re-run fetches only what is missing.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download the published corpus files (verified) and the referenced Stack Overflow questions.")
public class FetchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "corpus", description = "Where to write it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--only", paramLabel = "islam2019|simba2024", description = "Fetch only one of the two datasets.")
    String only;

    @Option(names = "--stackexchange-key-file", paramLabel = "FILE",
            description = "File whose first line is a Stack Exchange app key (raises the daily quota from 300 to 10,000 "
                    + "calls). Default: the key in $" + StackExchangeKey.ENV + ", if set.")
    Path keyFile;

    /** The key itself once was a flag, which {@code ps} shows to everyone: refused, naming the replacements. */
    @Option(names = "--stackexchange-key", hidden = true, arity = "0..1", paramLabel = "KEY")
    void removedKeyOption(String ignored) {
        throw new ParameterException(spec.commandLine(), "--stackexchange-key is gone: set " + StackExchangeKey.ENV
                + " or use --stackexchange-key-file");
    }

    @Option(names = "--stackexchange-api", paramLabel = "URL", defaultValue = "https://api.stackexchange.com/2.3",
            description = "Stack Exchange API base. Default: ${DEFAULT-VALUE}.")
    URI api;

    @Option(names = "--islam2019-url", paramLabel = "URL", defaultValue = "https://lab-design.github.io/papers/ESEC-FSE-19/dataset.zip",
            description = "The study's dataset.zip. Default: ${DEFAULT-VALUE}.")
    URI islamUrl;

    @Option(names = "--fix-patterns-url", paramLabel = "URL", required = false,
            description = "The ICSE 2020 fix-pattern workbook (fix_patterns_icse2020.xlsx).")
    URI fixPatternsUrl;

    @Option(names = "--simba-url", paramLabel = "URL",
            defaultValue = "https://raw.githubusercontent.com/Simba-brother/DL_bug_classification/main/dataset.csv",
            description = "simba2024's dataset.csv. Default: ${DEFAULT-VALUE}.")
    URI simbaUrl;

    @Option(names = "--github-url", paramLabel = "URL", defaultValue = "https://github.com",
            description = "Where the linked repositories live. Default: ${DEFAULT-VALUE}.")
    String github;

    @Mixin
    ProgressOptions progressOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (only != null && !only.equals("islam2019") && !only.equals("simba2024")) {
            throw new ParameterException(spec.commandLine(), "--only must be islam2019 or simba2024, got " + only);
        }
        PrintWriter err = spec.commandLine().getErr();
        Optional<StackExchangeKey> key = StackExchangeKey.find(keyFile, System::getenv);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        Downloads downloads = new Downloads(http);
        Map<String, String> missing = new TreeMap<>();
        if (only == null || only.equals("islam2019")) {
            fetch(downloads, Published.ISLAM2019_DATASET.at(islamUrl), err);
            if (fixPatternsUrl != null) {
                fetch(downloads, Published.ICSE2020_FIX_PATTERNS.at(fixPatternsUrl), err);
            } else {
                err.println("dlbugs: fix-pattern workbook not fetched (no --fix-patterns-url): the fix pattern head stays unlabelled");
            }
            List<LabelSheets.SheetRow> rows = LabelSheets.readStudyRows(out.resolve("islam2019/dataset.zip"), 3);
            List<String> ids = questionIds(rows);
            try (ProgressMeter bar = progressOptions.open("questions", ids.size(), "")) {
                missing.putAll(Posts.fetch(out, ids, new StackExchange(http, api, key, d -> Thread.sleep(d.toMillis())),
                        err, bar::stepTo));
            }
            List<GithubRef> refs = githubRefs(rows);
            try (ProgressMeter bar = progressOptions.open("commits", refs.size(), "")) {
                Map<String, String> gone = Commits.fetch(out, github, refs, bar::stepTo);
                err.println("dlbugs: commits and excerpts: " + refs.size() + " referenced, " + gone.size() + " missing");
                missing.putAll(gone);
            }
        }
        if (only == null || only.equals("simba2024")) {
            fetch(downloads, Published.SIMBA2024_DATASET.at(simbaUrl), err);
        }
        report(missing, err);
        return 0;
    }

    /** Prints what is missing by reason and writes every missing item to {@code fetch-report.json}. */
    private void report(Map<String, String> missing, PrintWriter err) throws IOException {
        Map<String, Long> byReason = new TreeMap<>();
        missing.values().forEach(r -> byReason.merge(r.replaceAll(": .*", ""), 1L, Long::sum));
        byReason.forEach((reason, n) -> err.println("dlbugs: missing " + n + ": " + reason));
        ObjectNode doc = JSON.createObjectNode();
        missing.forEach(doc::put);
        AtomicFile.writeString(out.resolve("fetch-report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                JSON.createObjectNode().set("missing", doc)) + "\n");
        err.println("dlbugs: " + (missing.isEmpty() ? "complete" : missing.size() + " items missing, listed in "
                + out.resolve("fetch-report.json") + "; run again later to fetch them"));
    }

    private void fetch(Downloads downloads, Artifact a, PrintWriter err) throws Exception {
        boolean fresh = downloads.fetch(a, out);
        err.println("dlbugs: " + a.file() + (fresh ? " downloaded and verified" : " already there, verified"));
    }

    /** @return the study's question ids, in order */
    static List<String> questionIds(Path datasetZip) throws CorpusFormatException {
        return questionIds(LabelSheets.readStudyRows(datasetZip, 3));
    }

    private static List<String> questionIds(List<LabelSheets.SheetRow> rows) {
        return rows.stream().filter(r -> r.source() == Source.STACKOVERFLOW)
                .map(r -> r.ref().strip()).filter(s -> s.matches("\\d+")).distinct().sorted().toList();
    }

    private static List<GithubRef> githubRefs(List<LabelSheets.SheetRow> rows) {
        List<GithubRef> refs = new ArrayList<>();
        for (LabelSheets.SheetRow r : rows) {
            if (r.source() == Source.GITHUB) {
                try {
                    refs.add(GithubRef.parse(r.ref()));
                } catch (IllegalArgumentException notALink) {
                    // the importer drops the same rows, with a count
                }
            }
        }
        return refs;
    }
}
