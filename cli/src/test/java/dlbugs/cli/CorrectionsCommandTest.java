package dlbugs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.NewCorrection;
import dlbugs.corrections.Origin;
import dlbugs.corrections.StoreLocation;
import dlbugs.corrections.testing.Corrections;
import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.CorpusImporter;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.corpus.LabelledItem;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.testing.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dlbugs corrections list | show | accept | reject | export | import}. */
class CorrectionsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("corrections.db").toString();
    }

    private long seed(int n, String head, String label) {
        try (CorrectionStore s = CorrectionStores.open(StoreLocation.parse(db(), Map.of()), 2_000)) {
            return s.record(NewCorrection.of(Corrections.request(n, head, label, "ada"), Origin.API)).id();
        }
    }

    @Test
    void lists_as_a_table_or_json_lines_with_filters() {
        long a = seed(1, "effect", "Hang");
        long b = seed(2, "stage", "Training");
        assertThat(cli.run("corrections", "list", "--corrections", db())).isZero();
        assertThat(cli.out.toString()).contains("id", "status", "label").contains(a + "      new       effect")
                .contains("Training").contains("report 1").endsWith("2 corrections\n");

        CliHarness json = new CliHarness();
        assertThat(json.run("corrections", "list", "--corrections", db(), "--head", "stage", "--json")).isZero();
        assertThat(json.out.toString().lines().toList()).hasSize(1);
        assertThat(json.out.toString()).contains("\"id\":" + b, "\"label\":\"Training\"");
        CliHarness bad = new CliHarness();
        assertThat(bad.run("corrections", "list", "--corrections", db(), "--status", "maybe")).isEqualTo(2);
        assertThat(bad.err.toString()).startsWith("dlbugs: --status must be one of new, accepted, rejected");
    }

    @Test
    void show_prints_every_field_and_an_unknown_id_exits_65_in_one_line() throws Exception {
        long a = seed(1, "effect", "Hang");
        assertThat(cli.run("corrections", "show", String.valueOf(a), "--corrections", db())).isZero();
        JsonNode shown = JSON.readTree(cli.out.toString());
        assertThat(shown.path("label").asText()).isEqualTo("Hang");
        assertThat(shown.path("report").path("title").asText()).isEqualTo("report 1");

        CliHarness missing = new CliHarness();
        assertThat(missing.run("corrections", "show", "404", "--corrections", db())).isEqualTo(65);
        assertThat(missing.err.toString()).isEqualTo("dlbugs: no correction has id 404\n");
    }

    @Test
    void accept_and_reject_review_each_id_and_a_missing_one_makes_the_exit_code_say_so() {
        long a = seed(1, "effect", "Hang");
        long b = seed(2, "effect", "Crash");
        assertThat(cli.run("corrections", "accept", String.valueOf(a), "999", String.valueOf(b), "--by", "lead",
                "--corrections", db())).isEqualTo(65);
        assertThat(cli.out.toString()).contains(a + " accepted: effect = Hang", b + " accepted: effect = Crash");
        assertThat(cli.err.toString()).isEqualTo("dlbugs: no correction has id 999\n");
        CliHarness reject = new CliHarness();
        assertThat(reject.run("corrections", "reject", String.valueOf(b), "--corrections", db())).isZero();
        try (CorrectionStore s = CorrectionStores.open(StoreLocation.parse(db(), Map.of()), 2_000)) {
            assertThat(s.get(a).orElseThrow().reviewedBy()).isEqualTo("lead");
            assertThat(s.get(b).orElseThrow().status().label()).isEqualTo("rejected");
        }
    }

    @Test
    void import_records_each_line_as_post_would_and_reports_bad_lines_by_number() throws Exception {
        Path file = Files.write(dir.resolve("shared.jsonl"), List.of(
                "{\"text\": \"loss is nan\", \"head\": \"effect\", \"label\": \"incorrect functionality\", \"author\": \"ada\"}",
                "",
                "{\"text\": \"loss is nan\", \"head\": \"effect\", \"label\": \"Explosion\"}",
                "{\"text\": \"loss is nan\", \"head\": \"effect\", \"label\": \"Incorrect Functionality\", \"author\": \"ada\"}",
                "{\"text\": \"oom\", \"head\": \"dl_bug\", \"label\": \"Not a DL bug\"}"));
        assertThat(cli.run("corrections", "import", file.toString(), "--corrections", db())).isEqualTo(65);
        assertThat(cli.out.toString()).isEqualTo("imported " + file + ": 2 new, 1 recorded before, 1 refused\n");
        assertThat(cli.err.toString()).startsWith("dlbugs: " + file + ":3: field 'label' must be one of the labels of effect");
        try (CorrectionStore s = CorrectionStores.open(StoreLocation.parse(db(), Map.of()), 2_000)) {
            assertThat(s.every(CorrectionQuery.all(null))).hasSize(2).allMatch(c -> c.origin() == Origin.CLI);
        }
    }

    @Test
    void export_writes_the_accepted_ones_as_a_github_issues_source_the_importer_reads() throws Exception {
        long a = seed(1, "effect", "Hang");
        long b = seed(1, "stage", "Training");
        seed(2, "effect", "Crash");
        cli.run("corrections", "accept", String.valueOf(a), String.valueOf(b), "--corrections", db());

        CliHarness export = new CliHarness();
        Path corpus = TinyCorpus.write(dir.resolve("corpus"), null, null);
        assertThat(export.run("corrections", "export", "--out", corpus.resolve("github_issues").toString(),
                "--corrections", db())).isZero();
        assertThat(export.out.toString()).startsWith("wrote 2 accepted corrections of 1 report to ");

        Corpus imported = new CorpusImporter(Taxonomy.islam2019()).importFrom(CorpusLayout.at(corpus), ImportOptions.defaults());
        LabelledItem unit = imported.items().stream().filter(i -> i.source().label().equals("github_issues")).findFirst()
                .orElseThrow();
        assertThat(unit.report().title()).isEqualTo("report 1");
        assertThat(unit.majority("effect")).contains("Hang");
        assertThat(unit.majority("stage")).contains("Training");
        assertThat(unit.dlBug()).isTrue();
    }

    @Test
    void a_database_that_cannot_be_used_exits_74_in_one_line() throws Exception {
        Files.writeString(dir.resolve("var"), "a file in the way");
        assertThat(cli.run("corrections", "list", "--corrections", dir.resolve("var/c.db").toString())).isEqualTo(74);
        assertThat(cli.err.toString()).hasLineCount(1).contains("cannot be used").doesNotContain("Exception");
    }
}
