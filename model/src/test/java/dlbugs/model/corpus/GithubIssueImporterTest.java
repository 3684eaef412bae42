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

class GithubIssueImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Corpus corpus = TestCorpus.corpus();
    private final ImportReport report = corpus.report();
    private final Map<String, LabelledItem> issues = corpus.items().stream()
            .filter(i -> i.source() == Source.GITHUB_ISSUE)
            .collect(Collectors.toMap(LabelledItem::unitId, Function.identity()));

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
        return node.path(field).isNull() ? null : node.path(field).asText();
    }

    @Test
    void reads_all_316_issues_as_silver_units_of_their_own_source() {
        assertThat(report.rowsRead()).contains(entry("github issues", 316), entry("github issue annotations", 316));
        assertThat(issues).hasSize(316);
        assertThat(issues.values()).allMatch(i -> i.quality() == Quality.SILVER);
        assertThat(report.unitsBySource()).containsEntry("silver/github_issues", 316);
        assertThat(report.silverUnits()).isEqualTo(report.unitsBySource().get("silver/stackoverflow") + 316);
    }

    @Test
    void labels_the_255_dl_bugs_on_four_heads_and_leaves_the_61_others_with_only_their_dl_bug_vote() {
        List<String> labelled = List.of(Taxonomy.BUG_TYPE, Taxonomy.ROOT_CAUSE, Taxonomy.EFFECT, Taxonomy.STAGE,
                Taxonomy.BUG_TYPE_TOP, Taxonomy.DL_BUG);
        assertThat(issues.values().stream().filter(i -> Boolean.TRUE.equals(i.dlBug())))
                .hasSize(255).allMatch(i -> i.votes().keySet().equals(Set.copyOf(labelled)))
                .allMatch(i -> i.majority(Taxonomy.DL_BUG).orElseThrow().equals(Taxonomy.IS_DL_BUG));
        assertThat(issues.values().stream().filter(i -> Boolean.FALSE.equals(i.dlBug())))
                .hasSize(61).allMatch(i -> i.votes().equals(Map.of(Taxonomy.DL_BUG, Map.of(Taxonomy.NOT_DL_BUG, 1))));
        assertThat(report.notDlBugUnits()).isEqualTo(61 + 174);   // the issues and simba2024's is_bug "no" questions
        assertThat(report.issueClassCounts().get(Taxonomy.BUG_TYPE)).containsEntry("API Bug", 59)
                .containsEntry("Coding Bug", 6);
        assertThat(report.issueClassCounts().get(Taxonomy.STAGE)).containsEntry("Training", 95);
    }

    @Test
    void every_label_of_the_255_dl_bugs_normalises_to_its_head() throws IOException {
        LabelNormalizer normalizer = new LabelNormalizer(Taxonomy.islam2019());
        int bugs = 0;
        for (JsonNode a : lines(TestCorpus.layout().githubIssueAnnotations())) {
            if (!"yes".equals(text(a, "is_dl_bug"))) {
                continue;
            }
            bugs++;
            LabelledItem unit = issues.get(text(a, "id"));
            for (String head : CorpusImporter.SILVER_HEADS) {
                assertThat(normalizer.normalize(head, text(a, head))).as(text(a, "id") + " " + head)
                        .isPresent().isEqualTo(unit.majority(head));
            }
        }
        assertThat(bugs).isEqualTo(255);
        assertThat(report.labelsDropped().keySet()).noneMatch(k -> k.startsWith("github issue"));
    }

    @Test
    void builds_each_unit_from_title_and_body_only_never_the_thread() throws IOException {
        int threads = 0;
        for (JsonNode issue : lines(TestCorpus.layout().githubIssues())) {
            BugReport r = issues.get(text(issue, "id")).report();
            assertThat(r.title()).isEqualTo(text(issue, "title").strip());
            assertThat(r.text()).isEqualTo(text(issue, "body"));
            assertThat(r.diff()).isEmpty();
            String thread = text(issue, "thread");
            if (thread != null && !thread.isBlank()) {
                threads++;
                assertThat(r.title() + "\n" + r.text()).doesNotContain(thread.strip());
            }
        }
        assertThat(threads).isGreaterThan(200);
    }

    @Test
    void groups_each_issue_by_its_id_and_links_it_to_its_page() {
        assertThat(issues.values()).allMatch(i -> i.groupId().equals(i.unitId()) && i.unitId().matches("gi\\d{4}"));
        assertThat(issues.values().stream().map(LabelledItem::groupId).distinct()).hasSize(316);
        assertThat(corpus.linkOf("gi0001")).isEqualTo("https://github.com/keras-team/keras/issues/6850");
    }

    @Test
    void maps_libraries_to_the_five_and_leaves_the_others_empty() {
        Map<String, Long> byLibrary = issues.values().stream()
                .collect(Collectors.groupingBy(i -> i.report().library(), Collectors.counting()));
        // torch = pytorch 101 + torch7 19 + pytorch_lightning 5; keras = keras 59 + tf.keras 12;
        // "" = mxnet 14 + transformers 10 + jax 10 + flax 3
        assertThat(byLibrary).containsOnly(entry("torch", 125L), entry("keras", 71L), entry("tensorflow", 54L),
                entry("caffe", 16L), entry("theano", 13L), entry("", 37L));
    }

    @Test
    void marks_the_study_units_as_dl_bugs_and_keeps_simbas_non_bugs_as_negatives() {
        assertThat(corpus.items().stream().filter(i -> i.quality() == Quality.GOLD))
                .isNotEmpty().allMatch(i -> Boolean.TRUE.equals(i.dlBug()));
        List<LabelledItem> simbaNonBugs = corpus.items().stream()
                .filter(i -> i.source() == Source.STACKOVERFLOW && Boolean.FALSE.equals(i.dlBug())).toList();
        assertThat(simbaNonBugs).hasSizeGreaterThan(100).allMatch(i -> i.quality() == Quality.SILVER)
                .allMatch(i -> i.votes().keySet().equals(Set.of(Taxonomy.DL_BUG)));
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(value = {"pytorch, torch", "torch7, torch", "pytorch_lightning, torch", "PyTorch, torch",
            "tf.keras, keras", "keras, keras", "tensorflow, tensorflow", "theano, theano", "caffe, caffe",
            "mxnet, ''", "jax, ''", "flax, ''", "transformers, ''", "'', ''"})
    void folds_an_issue_library_to_one_of_the_five_or_nothing(String raw, String expected) {
        assertThat(GithubIssueImporter.library(raw)).isEqualTo(expected);
    }

    @Test
    void imports_a_corpus_without_github_issues_and_says_so(@TempDir Path dir) throws Exception {
        Corpus tiny = importTiny(TinyCorpus.write(dir, null, null));
        assertThat(tiny.items()).extracting(LabelledItem::unitId).containsExactly("so:" + TinyCorpus.QUESTION);
        assertThat(tiny.report().notes())
                .containsEntry("github_issues absent (issues.jsonl or annotations.jsonl): no GitHub issue units", 1);
        assertThat(tiny.report().unitsBySource()).containsOnly(entry("gold/stackoverflow", 1));
        assertThat(tiny.report().toText()).contains("1  gold/stackoverflow", "0  not a DL bug");
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
        assertThat(notBug.votes().keySet()).containsExactly(Taxonomy.DL_BUG);
        assertThat(notBug.dlBug()).isFalse();
        assertThat(notBug.report().library()).isEmpty();
        assertThat(tiny.report().labelsDropped()).containsEntry("github issue bug_type of an issue that is not a DL bug", 1);
        assertThat(tiny.report().unitsBySource()).containsEntry("silver/github_issues", 2);
        assertThat(tiny.linkOf("gi0002")).isEqualTo("https://github.com/o/r/issues/gi0002");
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
