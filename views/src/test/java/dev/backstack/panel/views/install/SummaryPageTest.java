package dev.backstack.panel.views.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.views.wizard.SummaryViewModel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SummaryPageTest {

    private final WizardFixture f = new WizardFixture().reviewed();
    private final SummaryViewModel summary = f.vm.summary();

    SummaryPageTest() {
        f.vm.enterRun();
        f.vm.enterSummary();
    }

    @Test
    @DisplayName("the summary links the web UIs and lists next steps; the password stays hidden until asked")
    void linksAndNextSteps() {
        assertThat(summary.links())
                .extracting(SummaryViewModel.Link::url)
                .containsExactly("https://backstage-7f000001.nip.io", "https://argocd-7f000001.nip.io");
        assertThat(summary.nextSteps()).isNotEmpty().anyMatch(s -> s.contains("platform-gitops"));
        assertThat(summary.headlineProperty().get()).contains("kind-hub");
        assertThat(summary.secretLabelProperty().get()).isEqualTo("Argo CD admin password");
        assertThat(summary.secretProperty().get()).isNull();
    }

    @Test
    @DisplayName("revealing the password shows it, copies it, and clears the clipboard 30 s later")
    void revealCopiesAndClears() {
        summary.revealSecret();

        assertThat(summary.secretProperty().get().reveal()).isEqualTo("s3cret-admin-pw");
        assertThat(summary.secretProperty().toString()).doesNotContain("s3cret");
        assertThat(f.clipboard.text()).isEqualTo("s3cret-admin-pw");
        assertThat(f.executor.scheduled())
                .singleElement()
                .extracting(s -> s.delay())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(summary.secretStatusProperty().get()).contains("cleared in 30 s");

        f.executor.runScheduled();

        assertThat(f.clipboard.text()).isNull();
        assertThat(summary.secretStatusProperty().get()).isEqualTo("The clipboard was cleared.");
    }

    @Test
    @DisplayName("the clipboard is left alone when the user copied something else meanwhile")
    void clipboardChangedMeanwhile() {
        summary.revealSecret();
        f.clipboard.put("something the user copied");

        f.executor.runScheduled();

        assertThat(f.clipboard.text()).isEqualTo("something the user copied");
    }

    @Test
    @DisplayName("hiding wipes the password from the page while the clipboard countdown goes on")
    void hideWipes() {
        summary.revealSecret();
        var shown = summary.secretProperty().get();

        summary.hideSecret();

        assertThat(summary.secretProperty().get()).isNull();
        assertThat(shown.reveal()).isEmpty();
        f.executor.runScheduled();
        assertThat(f.clipboard.text()).isNull();
    }

    @Test
    @DisplayName("copying again restarts the countdown")
    void copyAgainRestarts() {
        summary.revealSecret();
        summary.copySecret();
        assertThat(f.executor.scheduled()).hasSize(1);
    }

    @Test
    @DisplayName("a password that is not on the cluster is reported, nothing is copied")
    void missingPassword() {
        f.backend.password = Optional.empty();
        summary.revealSecret();
        assertThat(summary.secretProperty().get()).isNull();
        assertThat(summary.secretStatusProperty().get()).contains("not found");
        assertThat(f.clipboard.text()).isNull();
    }

    @Test
    @DisplayName("closing the wizard wipes the credentials and the password and closes the target")
    void closeWipes() {
        summary.revealSecret();
        var shown = summary.secretProperty().get();
        var creds = f.vm.credentials().credentials();

        f.vm.close();

        assertThat(shown.reveal()).isEmpty();
        assertThat(creds.githubToken().reveal()).isEmpty();
        assertThat(f.backend.closed).isTrue();
    }
}
