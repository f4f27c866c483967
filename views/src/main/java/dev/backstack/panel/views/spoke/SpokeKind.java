package dev.backstack.panel.views.spoke;

import dev.backstack.panel.model.spoke.ClusterKind;

/** The wizard's first choice: a new cluster of a kind, or an existing one registered from a context. */
public enum SpokeKind {
    NEW_AKS("New AKS cluster (AKSCluster claim)", ClusterKind.AKS),
    NEW_EKS("New EKS cluster (EKSCluster claim)", ClusterKind.EKS),
    REGISTER("Register an existing cluster from a kubeconfig context", null);

    private final String title;
    private final ClusterKind kind;

    SpokeKind(String title, ClusterKind kind) {
        this.title = title;
        this.kind = kind;
    }

    public String title() {
        return title;
    }

    /** The claim kind; null for a registration. */
    public ClusterKind clusterKind() {
        return kind;
    }

    @Override
    public String toString() {
        return title;
    }
}
