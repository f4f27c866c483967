package dev.backstack.panel.views.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.install.ClusterType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CredentialsPageTest {

    private final WizardFixture f = new WizardFixture();
    private final CredentialsViewModel c = f.vm.credentials();

    @Test
    @DisplayName("a local cluster needs only the GitHub token")
    void localNeedsOnlyTheToken() {
        assertThat(c.githubProblemProperty().get()).startsWith("missing");
        assertThat(c.needsAwsProperty().get()).isFalse();
        assertThat(c.needsAzureProperty().get()).isFalse();

        c.setGithubToken("not-a-token");
        assertThat(c.githubProblemProperty().get()).contains("not in a GitHub token format");

        c.setGithubToken(WizardFixture.TOKEN);
        assertThat(c.validProperty().get()).isTrue();
    }

    @Test
    @DisplayName("EKS asks for AWS credentials, AKS for Azure's; only the needed ones are passed on")
    void cloudCredentialsOnlyWhenNeeded() {
        c.setGithubToken(WizardFixture.TOKEN);
        c.setAwsCredentials("[default]\naws_access_key_id = AKIA\naws_secret_access_key = abc\n");
        c.setAzureCredentials("{\"clientId\": \"x\"}");
        assertThat(c.validProperty().get()).isTrue();
        assertThat(c.credentials().awsCredentials().isEmpty()).isTrue();

        f.vm.profile().clusterTypeProperty().set(ClusterType.AKS);
        assertThat(c.validProperty().get()).isFalse();
        assertThat(c.azureProblemProperty().get()).contains("no clientSecret").contains("no tenantId");
        assertThat(c.awsProblemProperty().get()).isEmpty();

        f.vm.profile().clusterTypeProperty().set(ClusterType.EKS);
        assertThat(c.validProperty().get()).isTrue();
        assertThat(c.credentials().awsCredentials().reveal()).contains("aws_access_key_id");
        assertThat(c.credentials().azureCredentials().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("no value reaches a problem, a property or a toString, and clearing wipes them")
    void valuesStayHidden() {
        c.setGithubToken("ghp_short");
        f.vm.profile().clusterTypeProperty().set(ClusterType.EKS);
        c.setAwsCredentials("aws_access_key_id=AKIAXYZ");

        assertThat(String.join("\n", c.problems())).doesNotContain("ghp_short").doesNotContain("AKIAXYZ");
        assertThat(c.credentials().toString()).doesNotContain("ghp_short").doesNotContain("AKIAXYZ");
        assertThat(c.toString()).doesNotContain("ghp_short");
        var held = c.credentials();

        c.clear();

        assertThat(held.githubToken().reveal()).isEmpty();
        assertThat(held.awsCredentials().reveal()).isEmpty();
        assertThat(c.githubProblemProperty().get()).startsWith("missing");
    }

    @Test
    @DisplayName("each credential names the Secret it goes into")
    void destinations() {
        assertThat(CredentialsViewModel.GITHUB_TOKEN_TARGET).startsWith("Secret argocd/backstack-gitops-repo");
        assertThat(CredentialsViewModel.AWS_TARGET).startsWith("Secret crossplane-system/aws-secret");
        assertThat(CredentialsViewModel.AZURE_TARGET).startsWith("Secret crossplane-system/azure-secret");
    }
}
