package dev.backstack.panel.model.spoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A new spoke cluster as the clusters-as-a-service wizard asks for it: the fields of the panel's
 * {@code AKSCluster}/{@code EKSCluster} API, and how the claim is delivered. Whether the values are
 * ones the API allows is the claim schema's business (installer), not this record's.
 *
 * @param id         the spoke's id, also the claim's name
 * @param namespace  the claim's namespace on the hub (the reference uses {@code default})
 * @param version    the Kubernetes minor version, such as {@code 1.35}
 * @param nodeSize   the instance type (EKS) or VM size (AKS)
 * @param iamRoleArn EKS only: the IAM role to connect as cluster admin; empty for none
 * @param gitops     the repository and branches (GITOPS); null for APPLY
 */
public record SpokeRequest(
        ClusterKind kind,
        String id,
        String namespace,
        String region,
        String version,
        int nodeCount,
        String nodeSize,
        String iamRoleArn,
        Delivery delivery,
        GitOps gitops) {

    /** How the claim reaches the hub. */
    public enum Delivery {
        APPLY,
        GITOPS
    }

    /** The GitOps repository a delivery commits to, on a new branch made from {@code baseBranch}. */
    public record GitOps(String repository, String baseBranch, String branch) {}

    public static final String DEFAULT_NAMESPACE = "default";

    public SpokeRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delivery, "delivery");
        id = id == null ? "" : id.trim();
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.trim();
        region = region == null ? "" : region.trim();
        version = version == null ? "" : version.trim();
        nodeSize = nodeSize == null ? "" : nodeSize.trim();
        iamRoleArn = iamRoleArn == null ? "" : iamRoleArn.trim();
    }

    /** A request applied directly to the hub. */
    public static SpokeRequest direct(
            ClusterKind kind, String id, String region, String version, int nodeCount, String nodeSize) {
        return new SpokeRequest(
                kind, id, DEFAULT_NAMESPACE, region, version, nodeCount, nodeSize, "", Delivery.APPLY, null);
    }

    public SpokeRequest withDelivery(Delivery d, GitOps g) {
        return new SpokeRequest(kind, id, namespace, region, version, nodeCount, nodeSize, iamRoleArn, d, g);
    }

    /** Problems with the delivery choice (the fields are checked against the API's schema elsewhere). */
    public List<String> deliveryProblems() {
        List<String> out = new ArrayList<>();
        if (delivery == Delivery.GITOPS
                && (gitops == null
                        || blank(gitops.repository())
                        || blank(gitops.baseBranch())
                        || blank(gitops.branch()))) {
            out.add("GitOps delivery needs the repository, its base branch and a new branch name.");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
