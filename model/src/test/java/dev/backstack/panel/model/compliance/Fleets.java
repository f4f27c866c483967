package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.rules.ClusterAssembler;
import java.util.List;
import java.util.Set;

/** Small fleets assembled by the real rules from report objects. */
final class Fleets {

    private Fleets() {}

    static Cluster cluster(String id, ClusterRole role, Reachability reach, String... reports) {
        return ClusterAssembler.assemble(
                new ClusterAssembler.Identity(id, id, role, "", Set.of()),
                reach,
                "v1.33.4",
                ObjectSet.of(reports.length == 0 ? List.of() : Reports.of(reports)));
    }

    static Cluster reachable(String id, String... reports) {
        return cluster(id, id.equals("hub") ? ClusterRole.HUB : ClusterRole.SPOKE, Reachability.REACHABLE, reports);
    }

    static Fleet fleet(Cluster hub, Cluster... spokes) {
        return new Fleet(hub, List.of(spokes), List.of(), false, 1, 1_000);
    }
}
