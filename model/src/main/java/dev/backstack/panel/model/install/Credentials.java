package dev.backstack.panel.model.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secrets an install needs, held in memory: the GitHub token (Argo CD's repository access,
 * Backstage), and the cloud credentials of the chosen {@link ClusterType}. They become
 * Kubernetes Secrets and nothing else. {@link #toString()} never shows a value.
 */
public record Credentials(SecretText githubToken, SecretText awsCredentials, SecretText azureCredentials) {

    private static final Pattern GITHUB_TOKEN =
            Pattern.compile("(ghp_|gho_|ghu_|ghs_|ghr_)[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|[0-9a-f]{40}");

    public Credentials {
        githubToken = Objects.requireNonNullElse(githubToken, SecretText.empty());
        awsCredentials = Objects.requireNonNullElse(awsCredentials, SecretText.empty());
        azureCredentials = Objects.requireNonNullElse(azureCredentials, SecretText.empty());
    }

    public static Credentials none() {
        return new Credentials(null, null, null);
    }

    /**
     * Every problem with the credentials the cluster type needs, at once; credentials it does not
     * need are not checked. Messages never contain the values.
     */
    public List<String> problems(ClusterType type) {
        List<String> out = new ArrayList<>();
        if (githubToken.isEmpty()) {
            out.add("GitHub token: missing (Argo CD reads the GitOps repository with it; Backstage uses it)");
        } else if (!GITHUB_TOKEN.matcher(githubToken.reveal().strip()).matches()) {
            out.add("GitHub token: not in a GitHub token format (ghp_..., github_pat_..., or 40 hex characters)");
        }
        if (type == ClusterType.EKS) {
            String aws = awsCredentials.reveal();
            if (aws.isBlank()) {
                out.add(
                        "AWS credentials: missing (an [default] section with aws_access_key_id and aws_secret_access_key)");
            } else if (!aws.contains("aws_access_key_id") || !aws.contains("aws_secret_access_key")) {
                out.add("AWS credentials: need aws_access_key_id and aws_secret_access_key lines");
            }
        }
        if (type == ClusterType.AKS) {
            String azure = azureCredentials.reveal();
            if (azure.isBlank()) {
                out.add("Azure credentials: missing (service principal JSON with clientId, clientSecret, "
                        + "subscriptionId, tenantId)");
            } else {
                for (String key : List.of("clientId", "clientSecret", "subscriptionId", "tenantId")) {
                    if (!azure.contains("\"" + key + "\"")) {
                        out.add("Azure credentials: the JSON has no " + key);
                    }
                }
            }
        }
        return out;
    }

    /** Overwrites every value in memory. */
    public void clear() {
        githubToken.clear();
        awsCredentials.clear();
        azureCredentials.clear();
    }
}
