package dlbugs.label.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoListTest {

    @TempDir
    Path dir;

    @Test
    void reads_paths_and_urls_with_optional_ranges_skipping_comments_and_repeats() throws Exception {
        Path list = Files.writeString(dir.resolve("repos.txt"), """
                # ecosystem
                /data/repos/keras
                https://github.com/ada/net.git v1.0..main

                /data/repos/keras
                git@github.com:ada/other.git
                """);
        List<RepoSource> repos = RepoList.read(list);
        assertThat(repos).extracting(RepoSource::source).containsExactly("/data/repos/keras",
                "https://github.com/ada/net.git", "git@github.com:ada/other.git");
        assertThat(repos).extracting(RepoSource::range).containsExactly("HEAD", "v1.0..main", "HEAD");
        assertThat(repos).extracting(RepoSource::isRemote).containsExactly(false, true, true);
        assertThat(repos.get(1).id()).startsWith("net-").matches("[a-z0-9._-]+");
    }

    @Test
    void one_repository_with_two_ranges_gets_two_outputs() {
        assertThat(new RepoSource("/r/keras", "HEAD").id()).isNotEqualTo(new RepoSource("/r/keras", "v1..v2").id());
    }

    @Test
    void rejects_a_line_with_three_fields() throws Exception {
        Path list = Files.writeString(dir.resolve("bad.txt"), "/r/a HEAD extra\n");
        assertThatThrownBy(() -> RepoList.read(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt:1");
    }
}
