package dev.backstack.panel.model.plan;

/** What a step does, as the review page groups and labels it. */
public enum StepKind {
    /** Server-side apply of Kubernetes objects. */
    APPLY("apply"),
    /** A Helm release installed or upgraded. */
    HELM("helm"),
    /** Kubernetes objects deleted, waiting until they are gone. */
    DELETE("delete"),
    /** A Helm release uninstalled. */
    HELM_UNINSTALL("helm uninstall"),
    /** Files committed to a new branch of the GitOps repository and pushed (a pull request follows). */
    GIT_COMMIT("git commit");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
