package dev.backstack.panel.model;

/**
 * A Kubernetes kind with its API group (empty for the core group), for example
 * {@code apps/Deployment} or {@code pkg.crossplane.io/Provider}.
 */
public record KindRef(String group, String kind) {

    public static KindRef of(String apiVersion, String kind) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return new KindRef(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind : group + "/" + kind;
    }
}
