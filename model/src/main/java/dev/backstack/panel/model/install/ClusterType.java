package dev.backstack.panel.model.install;

/**
 * Where the hub provisions spoke clusters, which decides the cloud providers the plan installs
 * and the credentials it needs (only those).
 */
public enum ClusterType {
    /** A local or existing cluster; no cloud providers, no cloud credentials. */
    LOCAL("Local or existing cluster (no cloud spokes)"),
    /** Azure: AKS spokes; needs a service principal. */
    AKS("Azure (AKS spokes)"),
    /** AWS: EKS spokes; needs an access key. */
    EKS("AWS (EKS spokes)");

    private final String label;

    ClusterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
