package dev.backstack.panel.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One cluster of the fleet, as last seen.
 *
 * @param id           stable identity: the spoke's name, or the hub's context name
 * @param server       the API server URL when known, else ""
 * @param sources      how the panel learned of it, for example {@code "kubeconfig context"},
 *                     {@code "Argo CD cluster secret"}, {@code "EKSCluster claim"}
 * @param kubernetesVersion the API server's version, or "" when not known
 * @param claim        for a spoke requested through Crossplane, its claim's assessment
 * @param assessment   the roll-up: reachability, components, applications, claim
 */
public record Cluster(
        String id,
        String name,
        ClusterRole role,
        String server,
        Set<String> sources,
        Reachability reachability,
        String kubernetesVersion,
        List<Component> components,
        List<ApplicationStatus> applications,
        List<PolicyStatus> policies,
        ComplianceSummary compliance,
        Optional<Assessment> claim,
        Assessment assessment) {

    public Cluster {
        sources = Set.copyOf(sources);
        components = List.copyOf(components);
        applications = List.copyOf(applications);
        policies = List.copyOf(policies);
        server = server == null ? "" : server;
        kubernetesVersion = kubernetesVersion == null ? "" : kubernetesVersion;
    }

    public Health health() {
        return assessment.health();
    }

    public Optional<Component> component(ComponentKind kind) {
        return components.stream().filter(c -> c.kind() == kind).findFirst();
    }
}
