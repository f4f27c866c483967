package dev.backstack.panel.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Which object an apply was about, as a person reads it ({@code Deployment team-a/web}).
 * Immutable; safe on any thread.
 *
 * @param apiVersion group/version, such as {@code apps/v1}
 * @param kind       the kind, such as {@code Deployment}
 * @param namespace  the namespace, or {@code null} for a cluster-scoped object
 * @param name       the object's name
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    /** The reference of an object about to be applied. */
    public static ObjectRef of(HasMetadata object) {
        var meta = object.getMetadata();
        return new ObjectRef(
                object.getApiVersion(),
                object.getKind(),
                meta == null ? null : meta.getNamespace(),
                meta == null ? null : meta.getName());
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
