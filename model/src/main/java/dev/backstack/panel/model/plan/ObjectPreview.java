package dev.backstack.panel.model.plan;

/**
 * One object a step would apply, as YAML (secret values redacted). Immutable.
 *
 * @param namespace the namespace, or {@code null} for a cluster-scoped object
 */
public record ObjectPreview(String apiVersion, String kind, String namespace, String name, String yaml) {

    /**
     * {@code Provider crossplane-contrib-provider-helm}, {@code Secret argocd/repo-github},
     * {@code ProviderConfig local (helm.crossplane.io)} for kinds whose name several groups use.
     */
    public String title() {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        boolean ambiguous = kind.equals("ProviderConfig") || kind.equals("Object") || kind.equals("Release");
        return kind + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name
                + (ambiguous && !group.isEmpty() ? " (" + group + ")" : "");
    }
}
