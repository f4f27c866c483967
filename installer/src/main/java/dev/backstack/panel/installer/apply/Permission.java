package dev.backstack.panel.installer.apply;

import java.util.Objects;

/**
 * One thing a plan needs to be allowed to do: a verb on a resource, cluster-wide or in one
 * namespace, optionally on one named object. This is exactly what one SelfSubjectAccessReview
 * asks. Immutable; safe on any thread.
 *
 * @param verb      the API verb ({@code create}, {@code get}, {@code patch}, {@code bind}, ...)
 * @param group     the API group; {@code ""} (or {@code null}) for the core group
 * @param resource  the plural resource name, optionally with a subresource ({@code deployments/scale})
 * @param namespace the namespace, or {@code null} for a cluster-scoped resource or "all namespaces"
 * @param name      one object's name, or {@code null} for any
 */
public record Permission(String verb, String group, String resource, String namespace, String name) {

    public Permission {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
        group = group == null ? "" : group;
        namespace = namespace == null || namespace.isEmpty() ? null : namespace;
        name = name == null || name.isEmpty() ? null : name;
    }

    /** A permission on a cluster-scoped resource (or across all namespaces). */
    public static Permission cluster(String verb, String group, String resource) {
        return new Permission(verb, group, resource, null, null);
    }

    /** A permission on a namespaced resource in one namespace. */
    public static Permission namespaced(String verb, String group, String resource, String namespace) {
        return new Permission(verb, group, resource, Objects.requireNonNull(namespace, "namespace"), null);
    }

    /** The resource without its subresource: {@code deployments} for {@code deployments/scale}. */
    public String baseResource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    /** The subresource, or {@code null}: {@code scale} for {@code deployments/scale}. */
    public String subresource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? null : resource.substring(slash + 1);
    }

    /**
     * As a person reads it, the way kubectl names resources:
     * {@code create customresourcedefinitions.apiextensions.k8s.io (cluster)},
     * {@code list configmaps (namespace team-a)}, {@code get secrets "token" (namespace vault)}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(verb).append(' ').append(baseResource());
        if (!group.isEmpty()) {
            s.append('.').append(group);
        }
        if (subresource() != null) {
            s.append('/').append(subresource());
        }
        if (name != null) {
            s.append(" \"").append(name).append('"');
        }
        s.append(namespace == null ? " (cluster)" : " (namespace " + namespace + ")");
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
