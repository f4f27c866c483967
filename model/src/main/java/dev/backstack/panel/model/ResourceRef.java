package dev.backstack.panel.model;

import java.util.Objects;

/**
 * The object a policy result is about: {@code results[].resources[]} of a report, or the report's
 * {@code scope}. Kind and name are empty when a result names no resource at all.
 */
public record ResourceRef(String kind, String namespace, String name) {

    public ResourceRef {
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
    }

    /** {@code Kind namespace/name}, {@code Kind name} when cluster-scoped, {@code (none)} when unknown. */
    public String display() {
        if (kind.isEmpty() && name.isEmpty()) {
            return namespace.isEmpty() ? "(none)" : "(namespace " + namespace + ")";
        }
        return (kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name)).trim();
    }
}
