package dlbugs.model.corpus;

import dlbugs.model.testing.TestCorpus;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anchor resolution on real entries of the shared commit and file caches. */
class AnchorResolverTest {

    private static final String JFDA = "https://github.com/luoyetx/Joint-Face-Detection-and-Alignment/commit/"
            + "dd82b3620c97963e949728c4033020a311162892";
    private final AnchorResolver resolver = load();

    private static AnchorResolver load() {
        try {
            return TextSources.load(TestCorpus.layout()).resolver;
        } catch (CorpusFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnchorResolver.Resolved resolve(String url) {
        return resolver.resolve(GithubRef.parse(url), "caffe").orElseThrow();
    }

    @Test
    void resolves_a_new_side_anchor_to_the_hunk_holding_the_line() {
        // md5("jfda/train.py") = 59ec65…; its second hunk is @@ -38,8 +38,8 @@
        AnchorResolver.Resolved r = resolve(JFDA + "#diff-59ec651942b14b763ec6a23950a6d7a5R42");
        assertThat(r.resolution()).isEqualTo(AnchorResolver.Resolution.HUNK);
        assertThat(r.unitId()).isEqualTo("gh:dd82b3620c97963e949728c4033020a311162892:jfda/train.py@1");
        assertThat(r.groupId()).isEqualTo("gh:dd82b3620c97963e949728c4033020a311162892");
        assertThat(r.report().diff()).contains("+++ b/jfda/train.py", "@@ -38,8 +38,8 @@")
                .doesNotContain("@@ -26,7 +26,7 @@");
        assertThat(r.report().title()).isEqualTo("update");
        assertThat(r.report().library()).isEqualTo("caffe");
    }

    @Test
    void two_lines_of_one_hunk_are_one_unit() {
        assertThat(resolve(JFDA + "#diff-59ec651942b14b763ec6a23950a6d7a5R41").unitId())
                .isEqualTo(resolve(JFDA + "#diff-59ec651942b14b763ec6a23950a6d7a5R42").unitId());
    }

    @Test
    void resolves_an_old_side_anchor_against_old_line_numbers() {
        AnchorResolver.Resolved r = resolve("https://github.com/tsurumeso/waifu2x-chainer/commit/"
                + "4630c3c7d27df63d3ebc9e1a527476abbbf598df#diff-16caf87901002ed3074fb993bf89fca0L46");
        assertThat(r.resolution()).isEqualTo(AnchorResolver.Resolution.HUNK);
        Matcher m = Pattern.compile("@@ -(\\d+),(\\d+) ").matcher(r.report().diff());
        assertThat(m.find()).isTrue();
        int start = Integer.parseInt(m.group(1));
        assertThat(46).isBetween(start, start + Integer.parseInt(m.group(2)) - 1);
    }

    @Test
    void a_commit_link_without_anchor_is_the_whole_commit() {
        AnchorResolver.Resolved r = resolve(JFDA);
        assertThat(r.resolution()).isEqualTo(AnchorResolver.Resolution.WHOLE_COMMIT);
        assertThat(r.unitId()).isEqualTo(r.groupId());
        assertThat(r.report().diff()).contains("jfda/train.py", "jfda/config.py", "fddb.py");
    }

    @Test
    void an_anchor_naming_no_file_in_the_diff_falls_back_to_the_whole_commit() {
        AnchorResolver.Resolved r = resolve(JFDA + "#diff-00000000000000000000000000000000R1");
        assertThat(r.resolution()).isEqualTo(AnchorResolver.Resolution.ANCHOR_FILE_NOT_IN_DIFF);
        assertThat(r.unitId()).isEqualTo(r.groupId());
    }

    @Test
    void a_blob_link_is_the_cached_lines_around_it() {
        AnchorResolver.Resolved r = resolve("https://github.com/surmenok/DeepSpell_temp/blob/"
                + "2b42fa96276550b0b0a99e02961f82b7695d86ac/keras_spell.py#L131");
        assertThat(r.resolution()).isEqualTo(AnchorResolver.Resolution.BLOB_LINES);
        assertThat(r.report().diff()).contains("keras_spell.py", "def generate_model");
        assertThat(r.groupId()).isEqualTo("gh:2b42fa96276550b0b0a99e02961f82b7695d86ac");
    }

    @Test
    void an_uncached_commit_is_not_resolved() {
        assertThat(resolver.resolve(GithubRef.parse("https://github.com/a/b/commit/" + "f".repeat(40)), "keras"))
                .isEmpty();
    }

    @Test
    void parses_the_three_reference_forms_and_refuses_others() {
        assertThat(GithubRef.parse(JFDA + "#diff-59ec651942b14b763ec6a23950a6d7a5L7").side()).isEqualTo('L');
        assertThat(GithubRef.parse(JFDA + "#L117").kind()).isEqualTo(GithubRef.Kind.COMMIT);
        assertThat(GithubRef.parse("https://github.com/o/r/blob/abcdef1/a/b.py#L3").path()).isEqualTo("a/b.py");
        assertThatThrownBy(() -> GithubRef.parse("https://gitlab.com/o/r/commit/abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gitlab");
    }
}
