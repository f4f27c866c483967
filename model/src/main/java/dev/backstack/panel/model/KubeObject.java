package dev.backstack.panel.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, client-independent copy of a Kubernetes object: the metadata the rules need and
 * the rest of the body (spec, status, data, and top-level fields such as a PolicyReport's
 * {@code summary}) as plain maps. Secrets never carry credential fields here: mappers copy only
 * the keys a rule needs.
 */
public record KubeObject(
        String apiVersion,
        String kind,
        String namespace,
        String name,
        String uid,
        long generation,
        String creationTimestamp,
        String deletionTimestamp,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<OwnerRef> owners,
        Map<String, Object> body) {

    /** A reference to an owning object, from {@code metadata.ownerReferences}. */
    public record OwnerRef(String kind, String name, String uid, boolean controller) {}

    public KubeObject {
        namespace = Objects.requireNonNullElse(namespace, "");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        owners = owners == null ? List.of() : List.copyOf(owners);
        body = body == null ? Map.of() : body;
    }

    public KindRef kindRef() {
        return KindRef.of(apiVersion, kind);
    }

    /** {@code namespace/name}, or {@code name} for cluster-scoped objects (the informer key). */
    public String key() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public Map<?, ?> spec() {
        return Fields.map(body, "spec");
    }

    public Map<?, ?> status() {
        return Fields.map(body, "status");
    }

    public boolean isDeleting() {
        return deletionTimestamp != null && !deletionTimestamp.isEmpty();
    }

    public String label(String key) {
        return labels.get(key);
    }

    /** {@code "Kind name"}, the form used in status reason paths. */
    public String displayName() {
        return kind + " " + name;
    }
}
