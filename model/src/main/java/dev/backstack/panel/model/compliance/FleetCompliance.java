package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceResult;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.ReportCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's Kyverno compliance at one snapshot: totals, the table by policy (whole fleet), by
 * namespace and by cluster, and every failing resource with its message. Pure and immutable;
 * built from a {@link Fleet} on any thread.
 *
 * @param takenMillis when the fleet snapshot was taken
 * @param reports     report objects read across the fleet
 * @param shadowed    {@code wgpolicyk8s.io} results not counted because {@code openreports.io} has them
 * @param failing     results that are fail, error or warn, in {@link FailingResource#ORDER}
 */
public record FleetCompliance(
        boolean simulated,
        long takenMillis,
        ReportCounts total,
        List<ComplianceRow> byCluster,
        List<ComplianceRow> byPolicy,
        List<ComplianceRow> byNamespace,
        List<FailingResource> failing,
        int reports,
        int shadowed) {

    public FleetCompliance {
        byCluster = List.copyOf(byCluster);
        byPolicy = List.copyOf(byPolicy);
        byNamespace = List.copyOf(byNamespace);
        failing = List.copyOf(failing);
    }

    public static FleetCompliance of(Fleet fleet) {
        ReportCounts total = ReportCounts.ZERO;
        List<ComplianceRow> clusters = new ArrayList<>();
        List<ComplianceRow> namespaces = new ArrayList<>();
        Map<String, ReportCounts> policies = new TreeMap<>();
        List<FailingResource> failing = new ArrayList<>();
        int reports = 0;
        int shadowed = 0;
        for (Cluster c : clusters(fleet)) {
            ComplianceSummary s = c.compliance();
            total = total.plus(s.total());
            reports += s.reports();
            shadowed += s.shadowed();
            clusters.add(new ComplianceRow(Grouping.CLUSTER, c.id(), c.id(), s.total(), note(c)));
            s.byNamespace()
                    .forEach((ns, counts) ->
                            namespaces.add(new ComplianceRow(Grouping.NAMESPACE, c.id(), ns, counts, "")));
            s.byPolicy().forEach((policy, counts) -> policies.merge(policy, counts, ReportCounts::plus));
            for (ComplianceResult r : s.results()) {
                if (r.verdict().finding()) {
                    failing.add(failingResource(c.id(), r));
                }
            }
        }
        List<ComplianceRow> byPolicy = new ArrayList<>();
        policies.forEach((policy, counts) -> byPolicy.add(new ComplianceRow(Grouping.POLICY, "", policy, counts, "")));
        failing.sort(FailingResource.ORDER);
        return new FleetCompliance(
                fleet.simulated(),
                fleet.takenMillis(),
                total,
                clusters,
                byPolicy,
                namespaces,
                failing,
                reports,
                shadowed);
    }

    /** The hub and the spokes, without the placeholder hub of a panel that has none. */
    public static List<Cluster> clusters(Fleet fleet) {
        List<Cluster> all = new ArrayList<>();
        if (!(fleet.hub().role() == ClusterRole.HUB
                && fleet.hub().reachability().state() == Reachability.State.NOT_CONNECTED)) {
            all.add(fleet.hub());
        }
        all.addAll(fleet.spokes());
        return all;
    }

    static FailingResource failingResource(String cluster, ComplianceResult r) {
        return FailingResource.of(cluster, r);
    }

    private static String note(Cluster c) {
        if (!c.reachability().isReachable()) {
            return c.compliance().reports() == 0
                    ? c.reachability().label()
                    : c.reachability().label() + ": last known";
        }
        return c.compliance().reports() == 0 ? "no policy reports" : "";
    }

    public List<ComplianceRow> rows(Grouping grouping) {
        return switch (grouping) {
            case POLICY -> byPolicy;
            case NAMESPACE -> byNamespace;
            case CLUSTER -> byCluster;
        };
    }

    /** The failing resources of one row (the drill-down). */
    public List<FailingResource> failing(ComplianceRow row) {
        return failing.stream().filter(row::covers).toList();
    }

    /** The fleet's worst failing results (fail, then error, then warn), at most {@code limit}, and how many there are. */
    public FailureList worst(int limit) {
        return FailureList.of(failing, limit);
    }

    /** True when any result is fail or error (warnings alone are not failures). */
    public boolean hasFailures() {
        return total.fail() + total.error() > 0;
    }
}
