package dev.backstack.panel.model.plan;

/**
 * One object a step would apply, as YAML (secret values redacted). Immutable.
 *
 * @param namespace the namespace, or {@code null} for a cluster-scoped object
 */
public record ObjectPreview(String apiVersion, String kind, String namespace, String name, String yaml) {

    /** {@code Provider crossplane-contrib-provider-helm}, {@code Secret argocd/repo-github}. */
    public String title() {
        return kind + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
