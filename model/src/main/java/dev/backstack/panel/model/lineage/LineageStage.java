package dev.backstack.panel.model.lineage;

/**
 * The links of a spoke's lineage, in the order a spoke comes to be: the request (claim, and the
 * GitOps commit that carried it when known), the composite, the managed resources, the
 * connection secret with the kubeconfig, the Argo CD cluster secret the hub's registration
 * policy generates from it, the Applications Argo CD deploys to the spoke, and the spoke's
 * compliance. The declaration order is the lineage order.
 */
public enum LineageStage {
    REQUEST("request"),
    COMPOSITE("composite"),
    MANAGED("managed resources"),
    CONNECTION_SECRET("connection secret"),
    CLUSTER_SECRET("Argo CD cluster secret"),
    APPLICATIONS("applications"),
    COMPLIANCE("compliance");

    private final String label;

    LineageStage(String label) {
        this.label = label;
    }

    /** A short lower-case name for messages, for example {@code "connection secret"}. */
    public String label() {
        return label;
    }
}
