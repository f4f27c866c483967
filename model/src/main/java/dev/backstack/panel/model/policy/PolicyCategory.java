package dev.backstack.panel.model.policy;

/** The catalog's groups of guardrails, in the order the wizard lists them. */
public enum PolicyCategory {
    CLUSTER_CLAIMS("Cluster claims"),
    POD_SECURITY_BASELINE("Pod security (baseline)"),
    POD_SECURITY_RESTRICTED("Pod security (restricted)"),
    BEST_PRACTICES("Best practices");

    private final String title;

    PolicyCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
