package dev.backstack.panel.model.kinds;

import dev.backstack.panel.model.KindRef;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the panel needs to address one Kubernetes kind without asking the API server's
 * discovery: group, preferred version, kind, plural, scope, and whether a CRD serves it.
 * Immutable; safe on any thread.
 *
 * @param group      API group, {@code ""} for the core group
 * @param version    the version the panel writes and reads by default
 * @param kind       the kind, such as {@code Deployment}
 * @param plural     the plural resource name, such as {@code deployments}
 * @param namespaced true for namespaced kinds
 * @param builtIn    true for kinds every API server serves; false for kinds served by a CRD
 */
public record KindInfo(String group, String version, String kind, String plural, boolean namespaced, boolean builtIn) {

    public KindInfo {
        group = group == null ? "" : group;
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public KindRef ref() {
        return new KindRef(group, kind);
    }

    /** The CRD that serves this kind ({@code plural.group}), or {@code null} for a built-in kind. */
    public String crdName() {
        return builtIn ? null : plural + "." + group;
    }

    /** The same kind at another version (for example the storage version a CRD announces). */
    public KindInfo withVersion(String v) {
        return new KindInfo(group, v, kind, plural, namespaced, builtIn);
    }

    /** {@code deployments.apps}, the way kubectl and RBAC name a resource. */
    public String resourceName() {
        return group.isEmpty() ? plural : plural + "." + group.toLowerCase(Locale.ROOT);
    }
}
