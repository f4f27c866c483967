package dev.backstack.panel.model;

import java.util.List;
import java.util.Optional;

/**
 * One component as installed on a cluster.
 *
 * @param installed   whether anything of it was found
 * @param version     the application version of its main workload, or "" when unknown
 * @param installedBy how it was installed, for example {@code "Helm release argo-cd"} or
 *                    {@code "BACK Stack Hub (Release hub-x7k2-argocd)"}
 * @param url         the URL of its UI when an ingress host is known, or null
 * @param conditions  the conditions of its main object (workload or Release)
 * @param tree        related objects: Release path, workloads, pods, packages
 * @param pods        {@code namespace/name} of its pods, for logs
 */
public record Component(
        ComponentKind kind,
        boolean installed,
        Assessment assessment,
        String version,
        String installedBy,
        String url,
        List<Condition> conditions,
        List<ObjectNode> tree,
        List<String> pods) {

    public Component {
        conditions = List.copyOf(conditions);
        tree = List.copyOf(tree);
        pods = List.copyOf(pods);
        version = version == null ? "" : version;
        installedBy = installedBy == null ? "" : installedBy;
    }

    public Health health() {
        return assessment.health();
    }

    /**
     * Whether the component is known to be absent: nothing of it was read from a cluster that
     * answered. A cluster that does not answer tells nothing, so its components are Unknown.
     */
    public boolean knownAbsent() {
        return !installed && assessment.health() != Health.UNKNOWN;
    }

    /** What a card, a table row and the headless status show: the health, or "Not installed". */
    public String statusLabel() {
        return knownAbsent() ? "Not installed" : assessment.health().label();
    }

    public Optional<String> urlIfKnown() {
        return Optional.ofNullable(url);
    }

    /** The same component, with everything about it now unknown (its cluster does not answer). */
    public Component unknownBecause(StatusReason reason) {
        return new Component(
                kind,
                installed,
                Assessment.of(Health.UNKNOWN, "status unknown", reason),
                version,
                installedBy,
                url,
                conditions,
                tree,
                pods);
    }
}
