package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.model.install.SecretText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitOpsTargetTest {

    private static GitOpsTarget target(String url, String base, String branch, String folder) {
        return new GitOpsTarget(url, base, branch, folder, "Panel", "panel@example.org");
    }

    @Test
    @DisplayName("refuses a remote URL carrying a token, without repeating it")
    void refusesCredentialsInUrl() {
        assertThatThrownBy(() -> target("https://bot:ghp_TESTinUrl123456@github.com/acme/gitops.git", "main", "b", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token as the credentials")
                .hasMessageNotContaining("ghp_TESTinUrl123456");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "git@github.com:acme/gitops.git",
                "ssh://git@github.com/acme/gitops.git",
                "git://example.org/gitops.git",
                "relative/path.git",
                "ftp://example.org/x.git",
                ""
            })
    @DisplayName("refuses ssh, git://, relative paths and other schemes")
    void refusesUnsupportedRemotes(String url) {
        assertThatThrownBy(() -> target(url, "main", "b", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/acme/gitops.git",
                "http://127.0.0.1:8080/x.git",
                "file:///srv/git/gitops.git",
                "/srv/git/gitops.git"
            })
    @DisplayName("accepts https, http, file URLs and absolute paths")
    void acceptsSupportedRemotes(String url) {
        assertThat(target(url, "main", "b", "").remoteUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "main | main",
                "main | bad..name",
                "main | ends.lock",
                "main | with space",
                "main | -",
                "main | a:b"
            })
    @DisplayName("refuses invalid branch names and a new branch equal to the base")
    void refusesBadBranches(String base, String branch) {
        assertThatThrownBy(() -> target("/srv/x.git", base, branch, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"/policies/hub/ | policies/hub", "'' | ''", "a/b | a/b"})
    @DisplayName("normalises the folder and places files in it")
    void normalisesFolder(String folder, String expected) {
        GitOpsTarget t = target("/srv/x.git", "main", "refs/heads/backstack/x", folder);
        assertThat(t.folder()).isEqualTo(expected);
        assertThat(t.branch()).isEqualTo("backstack/x");
        assertThat(t.pathOf("p.yaml")).isEqualTo(expected.isEmpty() ? "p.yaml" : expected + "/p.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../up", "a/../b", ".git/hooks", "a//b", "a\\b"})
    @DisplayName("refuses folders and file names that leave the folder or reach into .git")
    void refusesEscapingPaths(String path) {
        assertThatThrownBy(() -> target("/srv/x.git", "main", "b", path)).isInstanceOf(IllegalArgumentException.class);
        GitOpsTarget t = target("/srv/x.git", "main", "b", "ok");
        assertThatThrownBy(() -> t.pathOf(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("credentials never show their token; an empty token means no credentials")
    void credentialsHideToken() {
        GitCredentials c = GitCredentials.of("", SecretText.of("ghp_TESTshown0123456789"));
        assertThat(c.toString()).doesNotContain("ghp_TESTshown0123456789").contains(GitCredentials.TOKEN_USER);
        assertThat(c.username()).isEqualTo(GitCredentials.TOKEN_USER);
        assertThat(c.isEmpty()).isFalse();
        assertThat(GitCredentials.of("bot", SecretText.empty()).isEmpty()).isTrue();
        assertThat(GitCredentials.of("bot", null)).isSameAs(GitCredentials.none());
    }
}
