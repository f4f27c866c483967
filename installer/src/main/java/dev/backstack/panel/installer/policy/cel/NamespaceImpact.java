package dev.backstack.panel.installer.policy.cel;

import java.util.List;

/**
 * A policy's impact on one namespace. Immutable.
 *
 * @param namespace empty for cluster-scoped objects
 * @param matched   objects of a kind the policy applies to
 * @param blocked   the {@code Kind/name} of each one it would refuse, in the order given
 */
public record NamespaceImpact(String namespace, int matched, List<String> blocked) {

    public NamespaceImpact {
        blocked = List.copyOf(blocked);
    }

    public int blockedCount() {
        return blocked.size();
    }
}
