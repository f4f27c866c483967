package dev.backstack.panel.views.install;

/**
 * The fields of the profile page, named as {@code InstallProfile.problems()} names them, so each
 * problem shows under its own field.
 */
public enum ProfileField {
    REPOSITORY("GitOps repository"),
    BACKSTAGE_HOST("Backstage host"),
    ARGOCD_HOST("Argo CD host"),
    VAULT_HOST("Vault host"),
    BACKSTAGE_IMAGE("Backstage image"),
    CHART_MIRROR("Chart mirror");

    private final String label;

    ProfileField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when {@code problem} (such as {@code Vault host: "x" is not ...}) is about this field. */
    boolean owns(String problem) {
        return problem.startsWith(label + ":");
    }
}
