package dlbugs.label.repo;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GithubRemoteTest {

    @Test
    void reads_owner_and_name_from_https_ssh_and_scp_like_urls() {
        GithubRemote expected = new GithubRemote("keras-team", "keras.io");
        for (String url : new String[]{"https://github.com/keras-team/keras.io", "https://github.com/keras-team/keras.io.git",
                "https://github.com/keras-team/keras.io/", "http://user@GitHub.com/keras-team/keras.io.git",
                "git@github.com:keras-team/keras.io.git", "git@github.com:keras-team/keras.io",
                "ssh://git@github.com:22/keras-team/keras.io.git", "git://github.com/keras-team/keras.io.git",
                "  https://www.github.com/keras-team/keras.io.git\n"}) {
            assertThat(GithubRemote.parse(url)).as(url).contains(expected);
        }
    }

    @Test
    void other_hosts_and_odd_paths_are_not_github() {
        for (String url : new String[]{"https://gitlab.com/a/b.git", "git@gitlab.com:a/b.git", "/srv/git/project.git",
                "https://github.com/only-owner", "https://github.com/a/b/tree/main", "https://github.com.evil.org/a/b",
                "file:///home/me/repo", ""}) {
            assertThat(GithubRemote.parse(url)).as(url).isEqualTo(Optional.empty());
        }
    }

    @Test
    void links_a_commit() {
        assertThat(new GithubRemote("tensorflow", "models").commitUrl("0123abc"))
                .isEqualTo("https://github.com/tensorflow/models/commit/0123abc");
    }
}
