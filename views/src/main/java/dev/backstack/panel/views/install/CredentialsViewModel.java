package dev.backstack.panel.views.install;

import dev.backstack.panel.installer.install.HubPlan;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.SecretText;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The credentials page: the GitHub token, and the cloud credentials only when the cluster type
 * needs them, each with the Secret it goes into. Values are held as {@link SecretText} only (never
 * in a string property, a log or a {@code toString}); the view hands each edit to a setter.
 * Problems come from {@link Credentials#problems(ClusterType)} and never contain values. No
 * scene-graph code; call on the FX thread.
 */
public final class CredentialsViewModel {

    /** Where the GitHub token goes. */
    public static final String GITHUB_TOKEN_TARGET = "Secret argocd/" + HubPlan.REPO_SECRET
            + " (Argo CD reads the GitOps repository) and Secret backstage/backstage (GITHUB_TOKEN)";
    /** Where the AWS credentials go. */
    public static final String AWS_TARGET = "Secret " + HubPlan.CROSSPLANE_NS
            + "/aws-secret (key credentials), read by the AWS providers' ProviderConfig";
    /** Where the Azure credentials go. */
    public static final String AZURE_TARGET = "Secret " + HubPlan.CROSSPLANE_NS
            + "/azure-secret (key credentials), read by the Azure providers' ProviderConfig";

    private final ObjectProperty<ClusterType> clusterType = new SimpleObjectProperty<>(ClusterType.LOCAL);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper githubProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper awsProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper azureProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final BooleanBinding needsAws = Bindings.equal(clusterType, ClusterType.EKS);
    private final BooleanBinding needsAzure = Bindings.equal(clusterType, ClusterType.AKS);
    private final BooleanBinding valid = Bindings.isEmpty(problems);
    private SecretText githubToken = SecretText.empty();
    private SecretText aws = SecretText.empty();
    private SecretText azure = SecretText.empty();

    public CredentialsViewModel() {
        clusterType.addListener((o, a, b) -> changed());
        changed();
    }

    public void setGithubToken(String value) {
        githubToken = replace(githubToken, value);
        changed();
    }

    public void setAwsCredentials(String value) {
        aws = replace(aws, value);
        changed();
    }

    public void setAzureCredentials(String value) {
        azure = replace(azure, value);
        changed();
    }

    private static SecretText replace(SecretText old, String value) {
        old.clear();
        return SecretText.of(value == null ? "" : value.strip());
    }

    private void changed() {
        ClusterType type = clusterType.get() == null ? ClusterType.LOCAL : clusterType.get();
        List<String> all = credentials().problems(type);
        problems.setAll(all);
        githubProblem.set(about(all, "GitHub token:"));
        awsProblem.set(about(all, "AWS credentials:"));
        azureProblem.set(about(all, "Azure credentials:"));
        revision.set(revision.get() + 1);
    }

    private static String about(List<String> all, String prefix) {
        return String.join(
                "\n",
                all.stream()
                        .filter(p -> p.startsWith(prefix))
                        .map(p -> p.substring(prefix.length()).strip())
                        .toList());
    }

    /** The credentials as entered; only those the cluster type needs are passed on. */
    public Credentials credentials() {
        ClusterType type = clusterType.get();
        return new Credentials(
                githubToken,
                type == ClusterType.EKS ? aws : SecretText.empty(),
                type == ClusterType.AKS ? azure : SecretText.empty());
    }

    /** Wipes every value from memory (the wizard closed). */
    public void clear() {
        githubToken = replace(githubToken, "");
        aws = replace(aws, "");
        azure = replace(azure, "");
        changed();
    }

    /** The cluster type the credentials are for; the wizard binds it to the profile's. */
    public ObjectProperty<ClusterType> clusterTypeProperty() {
        return clusterType;
    }

    public BooleanBinding needsAwsProperty() {
        return needsAws;
    }

    public BooleanBinding needsAzureProperty() {
        return needsAzure;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty githubProblemProperty() {
        return githubProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty awsProblemProperty() {
        return awsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty azureProblemProperty() {
        return azureProblem.getReadOnlyProperty();
    }

    /** Counts edits, so the wizard knows its review is out of date; never the values. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
