package dev.backstack.panel.model.compliance;

/** How the compliance table is grouped. */
public enum Grouping {
    /** One row per policy, summed over every cluster of the fleet. */
    POLICY("Policy"),
    /** One row per namespace of each cluster ({@code ""} for cluster-scoped reports). */
    NAMESPACE("Namespace"),
    /** One row per cluster. */
    CLUSTER("Cluster");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
