package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.FailureList;
import java.util.stream.Collectors;

/**
 * One row of the fleet table: plain values, so sorting and equality are cheap.
 *
 * @param failuresHint the cluster's worst failing results, one per line, "and K more" when cut
 *                     ({@code ""} when nothing fails): the tooltip of its policy-fails cell
 */
public record ClusterRow(
        String id,
        String name,
        String role,
        Health health,
        String reachability,
        String kubernetesVersion,
        int applications,
        long policyFailures,
        String reason,
        String sources,
        String failuresHint) {

    /** How many failing results the fleet table's tooltip names per cluster. */
    static final int HINTED_FAILURES = 5;

    public static ClusterRow of(Cluster c) {
        ReportCounts total = c.compliance().total();
        return new ClusterRow(
                c.id(),
                c.name(),
                c.role().name().toLowerCase(java.util.Locale.ROOT),
                c.health(),
                c.reachability().label(),
                c.kubernetesVersion().isEmpty() ? "-" : c.kubernetesVersion(),
                c.applications().size(),
                total.fail() + total.error(),
                c.assessment().oneLine(),
                String.join(", ", new java.util.TreeSet<>(c.sources())),
                hint(FailureList.of(c, HINTED_FAILURES)));
    }

    /** {@code fail disallow-latest-tag: Pod/web-1 in web: message}, one per line, then {@code and K more}. */
    static String hint(FailureList worst) {
        if (worst.isEmpty()) {
            return "";
        }
        String lines = worst.shown().stream().map(f -> f.oneLine(false)).collect(Collectors.joining("\n"));
        return worst.more() == 0 ? lines : lines + "\n" + worst.moreText() + " (select the cluster: Policies tab)";
    }
}
