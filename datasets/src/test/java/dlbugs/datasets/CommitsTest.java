package dlbugs.datasets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.corpus.CachedCommit;
import dlbugs.model.corpus.CachedFileSnippet;
import dlbugs.model.corpus.GithubRef;
import dlbugs.label.repo.GitFixture;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Commits and file excerpts fetched with JGit from local repositories standing in for GitHub. */
class CommitsTest {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String GONE = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void fetches_linked_commits_and_excerpts_records_a_gone_repository_and_resumes() throws Exception {
        Path github = dir.resolve("github");
        RevCommit fix;
        RevCommit second;
        try (GitFixture work = GitFixture.init(dir.resolve("work"))) {
            StringBuilder model = new StringBuilder("import tensorflow as tf\n");
            for (int i = 1; i <= 60; i++) {
                model.append("x").append(i).append(" = tf.constant(").append(i).append(")\n");
            }
            work.write("model.py", model.toString()).commit("Initial");
            second = work.write("model.py", model.toString().replace("x30 = tf.constant(30)", "x30 = tf.constant(30.0)"))
                    .commit("Fix dtype of x30");
            fix = work.write("README.md", "docs\n").write("model.py", model.toString().replace("x40", "y40")).commit("fix name");
            work.write("other.py", "print(1)\n").commit("Later work");
            Git.cloneRepository().setURI(work.dir().toUri().toString()).setBare(true)
                    .setDirectory(github.resolve("owner/proj.git").toFile()).call().close();
        }
        List<GithubRef> refs = List.of(
                GithubRef.parse("https://github.com/owner/proj/commit/" + second.name()),
                GithubRef.parse("https://github.com/owner/proj/commit/" + fix.name() + "#diff-0123456789abcdef0123456789abcdefR41"),
                GithubRef.parse("https://github.com/owner/proj/blob/" + second.name() + "/model.py#L31"),
                GithubRef.parse("https://github.com/gone/away/commit/" + GONE));
        String base = github.toUri().toString().replaceAll("/$", "");
        List<Integer> progress = new ArrayList<>();

        Map<String, String> missing = Commits.fetch(dir.resolve("out"), base, refs, progress::add);

        assertThat(missing).containsOnlyKeys("gone/away@" + GONE);
        assertThat(missing.values()).allSatisfy(v -> assertThat(v).startsWith("repository gone"));
        List<String> commitLines = Files.readAllLines(dir.resolve("out/islam2019/github_commits.jsonl"));
        assertThat(commitLines).hasSize(2);
        CachedCommit c = JSON.readValue(commitLines.stream().filter(l -> l.contains(second.name())).findFirst().orElseThrow(),
                CachedCommit.class);
        assertThat(c.repo()).isEqualTo("owner/proj");
        assertThat(c.message()).isEqualTo("Fix dtype of x30");
        assertThat(c.parents()).hasSize(1);
        assertThat(c.files()).containsExactly("model.py");
        assertThat(c.diff()).startsWith("diff --git a/model.py b/model.py\n").contains("-x30 = tf.constant(30)\n+x30 = tf.constant(30.0)");
        CachedFileSnippet s = JSON.readValue(Files.readAllLines(dir.resolve("out/islam2019/github_files.jsonl")).get(0),
                CachedFileSnippet.class);
        assertThat(s.line()).isEqualTo(31);
        assertThat(s.startLine()).isEqualTo(11);
        assertThat(s.text().lines().toList()).hasSize(41).contains("x30 = tf.constant(30.0)");
        assertThat(progress).last().isEqualTo(4);
        assertThat(dir.resolve("out/.cache/git/owner/proj.git/shallow")).as("fetched by id with depth 2, not whole").exists();

        Map<String, String> again = Commits.fetch(dir.resolve("out"), base, refs, i -> { });

        assertThat(again).isEqualTo(missing);
        assertThat(Files.readAllLines(dir.resolve("out/islam2019/github_commits.jsonl"))).isEqualTo(commitLines);
    }
}
