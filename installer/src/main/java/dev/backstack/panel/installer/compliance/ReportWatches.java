package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.installer.live.KindSpec;
import dev.backstack.panel.installer.live.WatchCatalog;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.WatchState;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a cluster's compliance is complete enough to record: the cluster answers, it has
 * reports, and every report watch of both groups has listed (or its CRD is not installed). While
 * a cluster connects or reconnects its reports can look empty or half-read; recording that would
 * show every failure as fixed and then as new again. Pure; any thread.
 */
final class ReportWatches {

    private static final Set<String> REPORT_WATCHES = WatchCatalog.customs().stream()
            .filter(k -> WatchCatalog.REPORTS.contains(k.ref()))
            .map(KindSpec::describe)
            .collect(Collectors.toSet());

    private ReportWatches() {}

    static boolean settled(Fleet fleet, Cluster cluster) {
        if (!cluster.reachability().isReachable() || cluster.compliance().reports() == 0) {
            return false;
        }
        List<WatchState> reportWatches = fleet.watchesOf(cluster.id()).stream()
                .filter(w -> REPORT_WATCHES.contains(w.resource()))
                .toList();
        return reportWatches.stream()
                .allMatch(w -> w.state() == WatchState.State.WATCHING || w.state() == WatchState.State.NOT_INSTALLED);
    }
}
