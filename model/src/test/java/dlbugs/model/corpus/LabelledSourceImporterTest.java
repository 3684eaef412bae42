package dlbugs.model.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.taxonomy.LabelNormalizer;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.model.testing.TestCorpus;
import dlbugs.model.testing.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class LabelledSourceImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Corpus corpus = TestCorpus.corpus();
    private final ImportReport report = corpus.report();

    /** What each source's README says it holds: reports, DL bugs, not DL bugs, repositories. */
    record Counts(LabelledSource source, int reports, int bugs, int notBugs, int repos) {
    }

    static List<Counts> documented() {
        return List.of(new Counts(LabelledSource.GITHUB_ISSUES, 537, 425, 112, 291),
                new Counts(LabelledSource.DENCHMARK, 1295, 630, 665, 157),
                new Counts(LabelledSource.COMMITS, 173, 122, 51, 3));
    }

    private Map<String, LabelledItem> units(LabelledSource source) {
        return corpus.items().stream().filter(i -> i.source().equals(source.source()))
                .collect(Collectors.toMap(LabelledItem::unitId, Function.identity()));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    @ParameterizedTest
    @MethodSource("documented")
    void reads_every_report_of_a_source_as_silver_units_of_its_own(Counts c) {
        String name = c.source().source().label();
        assertThat(report.rowsRead()).contains(entry(name + " reports", c.reports()), entry(name + " annotations", c.reports()));
        assertThat(units(c.source())).hasSize(c.reports());
        assertThat(units(c.source()).values()).allMatch(i -> i.quality() == Quality.SILVER)
                .allMatch(i -> i.kind() == c.source().source().kind());
        assertThat(report.unitsBySource()).containsEntry("silver/" + name, c.reports());
    }

    @ParameterizedTest
    @MethodSource("documented")
    void labels_the_dl_bugs_on_four_heads_and_leaves_the_others_with_only_their_dl_bug_vote(Counts c) {
        List<String> labelled = List.of(Taxonomy.BUG_TYPE, Taxonomy.ROOT_CAUSE, Taxonomy.EFFECT, Taxonomy.STAGE,
                Taxonomy.BUG_TYPE_TOP, Taxonomy.DL_BUG);
        assertThat(units(c.source()).values().stream().filter(i -> Boolean.TRUE.equals(i.dlBug())))
                .hasSize(c.bugs()).allMatch(i -> i.votes().keySet().equals(Set.copyOf(labelled)))
                .allMatch(i -> i.majority(Taxonomy.DL_BUG).orElseThrow().equals(Taxonomy.IS_DL_BUG));
        assertThat(units(c.source()).values().stream().filter(i -> Boolean.FALSE.equals(i.dlBug())))
                .hasSize(c.notBugs()).allMatch(i -> i.votes().equals(Map.of(Taxonomy.DL_BUG, Map.of(Taxonomy.NOT_DL_BUG, 1))));
        assertThat(report.classCounts().get("silver/" + c.source().source().label()).get(Taxonomy.DL_BUG))
                .containsOnly(entry(Taxonomy.IS_DL_BUG, c.bugs()), entry(Taxonomy.NOT_DL_BUG, c.notBugs()));
    }

    @ParameterizedTest
    @MethodSource("documented")
    void every_label_of_the_dl_bugs_normalises_to_its_head(Counts c) throws IOException {
        LabelNormalizer normalizer = new LabelNormalizer(Taxonomy.islam2019());
        Map<String, LabelledItem> units = units(c.source());
        int bugs = 0;
        for (JsonNode a : lines(TestCorpus.layout().annotations(c.source()))) {
            if (!"yes".equals(text(a, "is_dl_bug"))) {
                continue;
            }
            bugs++;
            for (String head : CorpusImporter.SILVER_HEADS) {
                assertThat(normalizer.normalize(head, text(a, head))).as(text(a, "id") + " " + head)
                        .isPresent().isEqualTo(units.get(text(a, "id")).majority(head));
            }
        }
        assertThat(bugs).isEqualTo(c.bugs());
        assertThat(report.labelsDropped().keySet()).noneMatch(k -> k.startsWith(c.source().source().label()));
    }

    @ParameterizedTest
    @MethodSource("documented")
    void groups_a_source_by_repository_and_links_each_report_to_its_page(Counts c) throws IOException {
        Map<String, LabelledItem> units = units(c.source());
        assertThat(units.values()).allMatch(i -> i.groupId().startsWith("repo:"));
        assertThat(units.values().stream().map(LabelledItem::groupId).distinct()).hasSize(c.repos());
        for (JsonNode row : lines(TestCorpus.layout().reports(c.source()))) {
            assertThat(units.get(text(row, "id")).groupId()).isEqualTo("repo:" + text(row, "repo"));
            assertThat(corpus.linkOf(text(row, "id"))).isEqualTo(text(row, "url"));
        }
    }

    @Test
    void builds_an_issue_from_title_and_body_only_never_the_thread_nor_the_fixing_files() throws IOException {
        int threads = 0;
        for (LabelledSource source : List.of(LabelledSource.GITHUB_ISSUES, LabelledSource.DENCHMARK)) {
            Map<String, LabelledItem> units = units(source);
            for (JsonNode issue : lines(TestCorpus.layout().reports(source))) {
                BugReport r = units.get(text(issue, "id")).report();
                assertThat(r.title()).isEqualTo(text(issue, "title").strip());
                assertThat(r.text()).isEqualTo(text(issue, "body"));
                assertThat(r.diff()).isEmpty();
                String thread = text(issue, "thread");
                if (thread != null && !thread.isBlank()) {
                    threads++;
                    assertThat(r.title() + "\n" + r.text()).doesNotContain(thread.strip());
                }
            }
        }
        assertThat(threads).isGreaterThan(1000);
    }

    @Test
    void builds_a_commit_as_label_repo_does_subject_as_title_rest_of_the_message_as_text_and_its_diff() throws IOException {
        Map<String, LabelledItem> units = units(LabelledSource.COMMITS);
        for (JsonNode commit : lines(TestCorpus.layout().reports(LabelledSource.COMMITS))) {
            BugReport r = units.get(text(commit, "id")).report();
            String message = text(commit, "message").strip();
            assertThat(r.title()).isEqualTo(message.lines().findFirst().orElse("").strip());
            assertThat((r.title() + "\n" + r.text()).strip()).isEqualTo(message.replaceFirst("\n\\s*", "\n").strip());
            assertThat(r.diff()).isEqualTo(text(commit, "diff")).isNotBlank();
        }
    }

    @Test
    void maps_libraries_to_the_five_and_leaves_the_others_empty() {
        Map<String, Long> byLibrary = units(LabelledSource.GITHUB_ISSUES).values().stream()
                .collect(Collectors.groupingBy(i -> i.report().library(), Collectors.counting()));
        // torch = pytorch 140 + torch7 31 + pytorch_lightning 28; keras = keras 89 + tf.keras 21;
        // theano = theano 33 + lasagne 2; "" = mxnet 32 + transformers 26 + jax 19 + flax 3
        assertThat(byLibrary).containsOnly(entry("torch", 199L), entry("keras", 110L), entry("tensorflow", 79L),
                entry("caffe", 34L), entry("theano", 35L), entry("", 80L));
    }

    @Test
    void marks_the_study_units_as_dl_bugs_and_keeps_simbas_non_bugs_as_negatives() {
        assertThat(corpus.items().stream().filter(i -> i.quality() == Quality.GOLD))
                .isNotEmpty().allMatch(i -> Boolean.TRUE.equals(i.dlBug()));
        List<LabelledItem> simbaNonBugs = corpus.items().stream()
                .filter(i -> i.source().equals(Source.STACKOVERFLOW) && Boolean.FALSE.equals(i.dlBug())).toList();
        assertThat(simbaNonBugs).hasSizeGreaterThan(100).allMatch(i -> i.quality() == Quality.SILVER)
                .allMatch(i -> i.votes().keySet().equals(Set.of(Taxonomy.DL_BUG)));
        assertThat(report.notDlBugUnits()).isEqualTo(simbaNonBugs.size()
                + documented().stream().mapToInt(Counts::notBugs).sum());
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(value = {"pytorch, torch", "torch7, torch", "pytorch_lightning, torch", "PyTorch, torch",
            "tf.keras, keras", "keras, keras", "tensorflow, tensorflow", "theano, theano", "lasagne, theano",
            "caffe, caffe", "mxnet, ''", "jax, ''", "flax, ''", "transformers, ''", "allennlp, ''", "'', ''"})
    void folds_a_report_library_to_one_of_the_five_or_nothing(String raw, String expected) {
        assertThat(LabelledSourceImporter.library(raw)).isEqualTo(expected);
    }

    @Test
    void imports_a_corpus_without_labelled_sources_and_says_so(@TempDir Path dir) throws Exception {
        Corpus tiny = importTiny(TinyCorpus.write(dir, null, null));
        assertThat(tiny.items()).extracting(LabelledItem::unitId).containsExactly("so:" + TinyCorpus.QUESTION);
        assertThat(tiny.report().notes())
                .containsEntry("github_issues absent (issues.jsonl or annotations.jsonl): no github_issues units", 1)
                .containsEntry("denchmark absent (issues.jsonl or annotations.jsonl): no denchmark units", 1)
                .containsEntry("commits absent (commits.jsonl or annotations.jsonl): no commits units", 1);
        assertThat(tiny.report().unitsBySource()).containsOnly(entry("gold/stackoverflow", 1));
        assertThat(tiny.report().toText()).contains("      1  gold/stackoverflow", "      0  not a DL bug")
                .doesNotContain("{", "}", "=");
    }

    @Test
    void reads_a_tiny_issue_without_its_thread_and_a_non_bug_without_labels(@TempDir Path dir) throws Exception {
        Corpus tiny = importTiny(TinyCorpus.write(dir, List.of(
                issue("gi0001", "tf.keras", "THE-RESOLUTION-IS-IN-THE-THREAD"), issue("gi0002", "mxnet", "")),
                List.of("{\"id\": \"gi0001\", \"is_dl_bug\": \"yes\", \"bug_type\": \"SB.Data flow Bug\", "
                                + "\"root_cause\": \"UT\", \"effect\": \"Crash\", \"stage\": \"Choice of Model\"}",
                        "{\"id\": \"gi0002\", \"is_dl_bug\": \"no\", \"bug_type\": \"API Bug\", \"root_cause\": null, "
                                + "\"effect\": null, \"stage\": null}")));
        LabelledItem bug = tiny.items().stream().filter(i -> i.unitId().equals("gi0001")).findFirst().orElseThrow();
        LabelledItem notBug = tiny.items().stream().filter(i -> i.unitId().equals("gi0002")).findFirst().orElseThrow();
        assertThat(bug.report()).isEqualTo(new BugReport("Title gi0001", "Body of gi0001", "", "keras"));
        assertThat(tiny.items()).noneMatch(i -> i.report().toString().contains("THE-RESOLUTION"));
        assertThat(bug.majority(Taxonomy.BUG_TYPE)).contains("SB.Data Flow Bug");
        assertThat(bug.dlBug()).isTrue();
        assertThat(bug.groupId()).isEqualTo("repo:o/r");
        assertThat(notBug.votes().keySet()).containsExactly(Taxonomy.DL_BUG);
        assertThat(notBug.dlBug()).isFalse();
        assertThat(notBug.report().library()).isEmpty();
        assertThat(tiny.report().labelsDropped()).containsEntry("github_issues bug_type of a report that is not a DL bug", 1);
        assertThat(tiny.report().unitsBySource()).containsEntry("silver/github_issues", 2);
        assertThat(tiny.linkOf("gi0002")).isEqualTo("https://github.com/o/r/issues/gi0002");
    }

    @Test
    void reads_a_tiny_commit_from_its_message_and_diff(@TempDir Path dir) throws Exception {
        Path root = TinyCorpus.writeSource(TinyCorpus.write(dir, null, null), LabelledSource.COMMITS,
                List.of("{\"id\": \"cm0001\", \"url\": \"https://github.com/o/r/commit/abc\", \"repo\": \"o/r\", "
                        + "\"library\": \"torch\", \"message\": \"fix typo\\n\\nin the docstring\", \"files\": [\"a.py\"], "
                        + "\"diff\": \"--- a/a.py\\n+++ b/a.py\\n-# teh\\n+# the\\n\"}"),
                List.of("{\"id\": \"cm0001\", \"is_dl_bug\": \"no\", \"bug_type\": null}"));
        LabelledItem fix = importTiny(root).items().stream().filter(i -> i.unitId().equals("cm0001")).findFirst()
                .orElseThrow();
        assertThat(fix.report()).isEqualTo(new BugReport("fix typo", "in the docstring",
                "--- a/a.py\n+++ b/a.py\n-# teh\n+# the\n", "torch"));
        assertThat(fix.source()).isEqualTo(Source.COMMITS);
        assertThat(fix.kind()).isEqualTo(ReportKind.COMMIT);
        assertThat(fix.dlBug()).isFalse();
    }

    @Test
    void rejects_labels_on_a_unit_that_is_not_a_dl_bug() {
        assertThatThrownBy(() -> new LabelledItem("gi9", "gi9", Source.GITHUB_ISSUE, Quality.SILVER,
                new BugReport("t", "b", "", ""), Map.of(Taxonomy.EFFECT, Map.of("Crash", 1)), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a DL bug");
    }

    private static String issue(String id, String library, String thread) {
        return "{\"id\": \"" + id + "\", \"url\": \"https://github.com/o/r/issues/" + id + "\", \"repo\": \"o/r\", "
                + "\"library\": \"" + library + "\", \"title\": \"Title " + id + "\", \"body\": \"Body of " + id
                + "\", \"thread\": \"" + thread + "\"}";
    }

    private static Corpus importTiny(Path root) throws CorpusFormatException {
        return new CorpusImporter(Taxonomy.islam2019()).importFrom(CorpusLayout.at(root), ImportOptions.defaults());
    }
}
