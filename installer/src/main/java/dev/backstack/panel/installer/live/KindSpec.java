package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.KindRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * One kind the live status engine watches, and how: in one namespace or all, with an optional
 * label selector. Kinds served by a CRD name it; their informer starts only while that CRD is
 * Established, and their version is then taken from the CRD.
 *
 * @param namespace     the only namespace watched, or null for all namespaces
 * @param labelSelector a label selector such as {@code a=b}, or null
 * @param crdName       the CRD that serves the kind, or null for built-in kinds
 */
public record KindSpec(
        String group,
        String version,
        String kind,
        String plural,
        boolean namespaced,
        String namespace,
        String labelSelector,
        String crdName) {

    public static KindSpec builtIn(String group, String version, String kind, String plural, boolean namespaced) {
        return new KindSpec(group, version, kind, plural, namespaced, null, null, null);
    }

    public static KindSpec custom(String group, String kind, String plural, boolean namespaced) {
        return new KindSpec(group, "", kind, plural, namespaced, null, null, plural + "." + group);
    }

    public KindSpec inNamespace(String ns) {
        return new KindSpec(group, version, kind, plural, namespaced, ns, labelSelector, crdName);
    }

    public KindSpec withLabels(String selector) {
        return new KindSpec(group, version, kind, plural, namespaced, namespace, selector, crdName);
    }

    public KindSpec withVersion(String v) {
        return new KindSpec(group, v, kind, plural, namespaced, namespace, labelSelector, crdName);
    }

    public KindRef ref() {
        return new KindRef(group, kind);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public boolean isCustom() {
        return crdName != null;
    }

    /** What the user reads: {@code "Pods in argocd"}, {@code "Applications"}. */
    public String describe() {
        String base = kind.endsWith("y")
                ? kind.substring(0, kind.length() - 1) + "ies"
                : kind.endsWith("s") ? kind + "es" : kind + "s";
        return namespace == null ? base : base + " in " + namespace;
    }

    /** A stable identity for this watch within a cluster. */
    public String id() {
        return ref() + "@" + (namespace == null ? "*" : namespace) + (labelSelector == null ? "" : "?" + labelSelector);
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }

    static Class<GenericKubernetesResource> type() {
        return GenericKubernetesResource.class;
    }
}
