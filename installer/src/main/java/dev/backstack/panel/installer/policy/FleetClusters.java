package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import java.util.List;
import java.util.Optional;

/** The live fleet's clusters as the policy wizard's targets, with the live view's clients. Thread-safe. */
public final class FleetClusters implements PolicyClusters {

    private final FleetService fleet;

    public FleetClusters(FleetService fleet) {
        this.fleet = fleet;
    }

    @Override
    public String hub() {
        Fleet f = fleet.latest();
        return f.hub() == null ? "hub" : f.hub().name();
    }

    @Override
    public List<String> spokes() {
        return fleet.latest().spokes().stream().map(Cluster::name).toList();
    }

    @Override
    public Optional<PlanTarget> target(String cluster) {
        return fleet.planTarget(cluster);
    }
}
