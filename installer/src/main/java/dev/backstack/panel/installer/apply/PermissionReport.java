package dev.backstack.panel.installer.apply;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one RBAC preflight: every permission the plan needs, each either granted,
 * missing, or not checked because its review failed (which is never taken as allowed). All gaps
 * are listed at once, in the order the plan asked for them. Immutable; safe on any thread.
 *
 * @param granted   permissions the API server said the user holds
 * @param missing   permissions the API server said the user does not hold
 * @param unchecked permissions whose review could not be made, with the reason
 */
public record PermissionReport(List<Permission> granted, List<Permission> missing, List<Unchecked> unchecked) {

    /** A permission whose SelfSubjectAccessReview failed or timed out. */
    public record Unchecked(Permission permission, String problem) {
        @Override
        public String toString() {
            return permission.describe() + ": " + problem;
        }
    }

    public PermissionReport {
        granted = List.copyOf(granted);
        missing = List.copyOf(missing);
        unchecked = List.copyOf(unchecked);
    }

    /** True when every permission was checked and granted: writes may start. */
    public boolean clean() {
        return missing.isEmpty() && unchecked.isEmpty();
    }

    /**
     * One paragraph for the user, for example
     * {@code missing 2 permissions: create namespaces (cluster), create deployments.apps (namespace team-a)}.
     */
    public String summary() {
        if (clean()) {
            int n = granted.size();
            return n == 1 ? "the 1 needed permission is granted" : "all " + n + " needed permissions are granted";
        }
        StringBuilder s = new StringBuilder();
        if (!missing.isEmpty()) {
            s.append("missing ")
                    .append(count(missing.size(), "permission"))
                    .append(": ")
                    .append(missing.stream().map(Permission::describe).collect(Collectors.joining(", ")));
        }
        if (!unchecked.isEmpty()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append("could not check ")
                    .append(count(unchecked.size(), "permission"))
                    .append(": ")
                    .append(unchecked.stream().map(Unchecked::toString).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return summary();
    }
}
