package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PullRequestLinksTest {

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "https://github.com/acme/gitops.git | main | backstack/hub | https://github.com/acme/gitops/compare/main...backstack/hub?expand=1",
                "https://github.com/acme/gitops | main | backstack/hub | https://github.com/acme/gitops/compare/main...backstack/hub?expand=1",
                "https://github.com/acme/gitops/ | main | x | https://github.com/acme/gitops/compare/main...x?expand=1",
                "https://GitHub.com/Acme/git.ops.git | dev | x | https://github.com/Acme/git.ops/compare/dev...x?expand=1",
                "git@github.com:acme/gitops.git | main | b | https://github.com/acme/gitops/compare/main...b?expand=1",
                "git@github.com:acme/gitops | main | b | https://github.com/acme/gitops/compare/main...b?expand=1",
                "ssh://git@github.com/acme/gitops.git | main | b | https://github.com/acme/gitops/compare/main...b?expand=1",
                "https://github.com/acme/gitops.git | main | feat/a#b+c | https://github.com/acme/gitops/compare/main...feat/a%23b%2Bc?expand=1",
                "https://gitlab.com/acme/gitops.git | main | b | -",
                "https://github.example.com/acme/gitops.git | main | b | -",
                "https://github.com/acme | main | b | -",
                "https://github.com/acme/gitops/tree/main | main | b | -",
                "/tmp/remote.git | main | b | -",
            })
    void derivesTheCompareLinkForGitHubRemotesOnly(String remote, String base, String branch, String expected) {
        assertThat(PullRequestLinks.compareUrl(remote, base, branch).orElse(null))
                .isEqualTo(expected);
    }
}
