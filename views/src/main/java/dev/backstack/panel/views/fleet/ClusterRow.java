package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.ReportCounts;

/** One row of the fleet table: plain values, so sorting and equality are cheap. */
public record ClusterRow(String id, String name, String role, Health health, String reachability,
        String kubernetesVersion, int applications, long policyFailures, String reason, String sources) {

    public static ClusterRow of(Cluster c) {
        ReportCounts total = c.compliance().total();
        return new ClusterRow(c.id(), c.name(), c.role().name().toLowerCase(java.util.Locale.ROOT), c.health(),
                c.reachability().label(), c.kubernetesVersion().isEmpty() ? "-" : c.kubernetesVersion(),
                c.applications().size(), total.fail() + total.error(), c.assessment().oneLine(),
                String.join(", ", new java.util.TreeSet<>(c.sources())));
    }
}
