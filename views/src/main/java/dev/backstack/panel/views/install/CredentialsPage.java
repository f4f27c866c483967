package dev.backstack.panel.views.install;

import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The credentials page: masked fields for the secrets the cluster type needs, each saying which
 * Secret it goes into. Each edit is handed to the view-model, which keeps it as a SecretText.
 */
final class CredentialsPage extends WizardPage {

    private final PasswordField token = new PasswordField();
    private final MaskedTextArea aws = new MaskedTextArea(
            "credentials-aws", "[default]\naws_access_key_id = ...\naws_secret_access_key = ...", "_Show");
    private final MaskedTextArea azure = new MaskedTextArea(
            "credentials-azure",
            "{ \"clientId\": ..., \"clientSecret\": ..., \"subscriptionId\": ..., \"tenantId\": ... }",
            "Sho_w");

    CredentialsPage(CredentialsViewModel vm) {
        super(
                "Credentials",
                "The install stores these as Kubernetes Secrets, and nowhere else: not on disk, not "
                        + "in Helm values, not in logs. Only the ones your cluster type needs are asked for.",
                vm.validProperty());
        GridPane grid = Forms.grid();
        token.setId("credentials-github-token");
        token.setPromptText("ghp_\u2026 or github_pat_\u2026");
        token.textProperty().addListener((o, a, b) -> vm.setGithubToken(b));
        Forms.row(
                grid,
                "_GitHub token",
                token,
                "Goes into " + CredentialsViewModel.GITHUB_TOKEN_TARGET + ".",
                vm.githubProblemProperty());
        aws.area().textProperty().addListener((o, a, b) -> vm.setAwsCredentials(b));
        Forms.row(
                        grid,
                        "A_WS credentials",
                        aws,
                        "Paste the [default] section of ~/.aws/credentials. Goes " + "into "
                                + CredentialsViewModel.AWS_TARGET + ".",
                        vm.awsProblemProperty())
                .showWhen(vm.needsAwsProperty());
        azure.area().textProperty().addListener((o, a, b) -> vm.setAzureCredentials(b));
        Forms.row(
                        grid,
                        "A_zure credentials",
                        azure,
                        "Paste the service principal's JSON (az ad sp " + "create-for-rbac --sdk-auth). Goes into "
                                + CredentialsViewModel.AZURE_TARGET + ".",
                        vm.azureProblemProperty())
                .showWhen(vm.needsAzureProperty());
        ScrollPane scroll = new ScrollPane(new VBox(grid));
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    /** Empties every field (the wizard closed); the view-model wipes its copies itself. */
    @Override
    protected void closed() {
        token.clear();
        aws.clear();
        azure.clear();
    }

    @Override
    protected Node firstFocus() {
        return token;
    }
}
