package dev.backstack.panel.model.spoke;

/** The kinds of spoke the panel's BACK APIs offer as claims (group {@code backstack.dev/v1alpha1}). */
public enum ClusterKind {
    AKS("AKSCluster", "aks", "Azure AKS"),
    EKS("EKSCluster", "eks", "AWS EKS");

    public static final String API_VERSION = "backstack.dev/v1alpha1";

    private final String claimKind;
    private final String folder;
    private final String title;

    ClusterKind(String claimKind, String folder, String title) {
        this.claimKind = claimKind;
        this.folder = folder;
        this.title = title;
    }

    /** The claim kind, such as {@code AKSCluster}. */
    public String claimKind() {
        return claimKind;
    }

    /** The folder of its API under {@code install/apis/cluster}. */
    public String folder() {
        return folder;
    }

    public String title() {
        return title;
    }

    /** {@code aks} or {@code eks} (any case), or the claim kind. */
    public static ClusterKind parse(String s) {
        for (ClusterKind k : values()) {
            if (k.folder.equalsIgnoreCase(s) || k.claimKind.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown cluster kind " + s + ": use aks or eks");
    }
}
