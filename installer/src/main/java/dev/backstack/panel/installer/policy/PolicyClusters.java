package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.plan.PlanTarget;
import java.util.List;
import java.util.Optional;

/** The clusters the policy wizard works on: the hub and the spokes the panel knows, by name. */
public interface PolicyClusters {

    String hub();

    List<String> spokes();

    /** The cluster to run a plan on, or empty when the panel has no connection to it. */
    Optional<PlanTarget> target(String cluster);
}
