package dev.backstack.panel.views.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetAndProfilePagesTest {

    private final WizardFixture f = new WizardFixture();

    @Test
    @DisplayName("the target page lists the caller's targets and is valid once the chosen one is open")
    void targetPageIsValidOnceTheBackendIsOpen() {
        TargetViewModel t = f.vm.target();
        assertThat(t.names()).containsExactly("kind-hub", "prod-east");
        assertThat(t.validProperty().get()).isFalse();

        t.select("kind-hub");

        assertThat(t.validProperty().get()).isTrue();
        assertThat(t.backendProperty().get()).isSameAs(f.backend);
        assertThat(t.statusProperty().get()).isEqualTo("Connected to kind-hub.");
    }

    @Test
    @DisplayName("a target that cannot be opened says why, keeps the page invalid, and closes the previous one")
    void brokenTargetSaysWhy() {
        TargetViewModel t = f.vm.target();
        t.select("kind-hub");
        t.select("prod-east");

        assertThat(t.validProperty().get()).isFalse();
        assertThat(t.statusProperty().get()).isEqualTo("Cannot connect to prod-east: connection refused");
        assertThat(f.backend.closed).isTrue();

        t.select("prod-east");
        assertThat(f.targets.opened).containsExactly("kind-hub", "prod-east", "prod-east");
    }

    @Test
    @DisplayName("with no targets the page says what to do")
    void noTargets() {
        InstallWizardViewModel vm = new InstallWizardViewModel(
                InstallTargets.none(), new CurrentThreadTaskExecutor(), f.clock, f.clipboard);
        assertThat(vm.target().names()).isEmpty();
        assertThat(vm.target().statusProperty().get()).contains("--demo");
        assertThat(vm.target().validProperty().get()).isFalse();
    }

    @Test
    @DisplayName("the profile starts from nip.io defaults and only lacks the GitOps repository")
    void profileDefaults() {
        ProfileViewModel p = f.vm.profile();
        assertThat(p.backstageHostProperty().get()).isEqualTo("backstage-7f000001.nip.io");
        assertThat(p.argocdHostProperty().get()).isEqualTo("argocd-7f000001.nip.io");
        assertThat(p.problems()).singleElement().asString().startsWith("GitOps repository:");
        assertThat(p.problemProperty(ProfileField.REPOSITORY).get()).startsWith("an https:// or git@ URL is needed");
        assertThat(p.validProperty().get()).isFalse();

        p.repositoryProperty().set("git@github.com:acme/platform-gitops.git");

        assertThat(p.validProperty().get()).isTrue();
        assertThat(p.problemProperty(ProfileField.REPOSITORY).get()).isEmpty();
        assertThat(p.profile().repository()).isEqualTo("git@github.com:acme/platform-gitops.git");
    }

    @Test
    @DisplayName("each host problem shows under its own field; the Vault host counts only with Vault on")
    void hostProblemsPerField() {
        ProfileViewModel p = f.vm.profile();
        p.repositoryProperty().set("https://github.com/acme/gitops");
        p.argocdHostProperty().set("Argo CD");
        p.vaultHostProperty().set("");

        assertThat(p.problemProperty(ProfileField.ARGOCD_HOST).get()).contains("\"Argo CD\" is not a DNS host name");
        assertThat(p.problemProperty(ProfileField.BACKSTAGE_HOST).get()).isEmpty();
        assertThat(p.problemProperty(ProfileField.VAULT_HOST).get()).isEmpty();

        p.vaultProperty().set(true);

        assertThat(p.problemProperty(ProfileField.VAULT_HOST).get()).contains("is not a DNS host name");
        assertThat(p.problems()).hasSize(2);
    }

    @Test
    @DisplayName("choosing ingress-nginx warns that it is retired; the cluster type reaches the credentials page")
    void ingressAndClusterType(@TempDir Path mirror) {
        ProfileViewModel p = f.vm.profile();
        p.ingressProperty().set(IngressChoice.INGRESS_NGINX);
        assertThat(p.ingressWarningProperty().get()).contains("retired");
        p.ingressProperty().set(IngressChoice.EXISTING);
        assertThat(p.ingressWarningProperty().get()).isEmpty();

        p.clusterTypeProperty().set(ClusterType.EKS);
        assertThat(f.vm.credentials().needsAwsProperty().get()).isTrue();
        assertThat(f.vm.credentials().needsAzureProperty().get()).isFalse();

        p.chartMirrorProperty().set(mirror.resolve("missing").toString());
        assertThat(p.problemProperty(ProfileField.CHART_MIRROR).get()).contains("is not a folder");
        p.chartMirrorProperty().set(mirror.toString());
        assertThat(p.problemProperty(ProfileField.CHART_MIRROR).get()).isEmpty();
        assertThat(p.profile().chartMirror()).isEqualTo(mirror.toString());
    }
}
