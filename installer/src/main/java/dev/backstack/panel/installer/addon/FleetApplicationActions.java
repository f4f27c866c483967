package dev.backstack.panel.installer.addon;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import java.util.Optional;

/**
 * {@link ApplicationActions} on the live fleet's hub, through the connection the live view uses,
 * looked up on every call (the hub may connect after the window opened). Thread-safe.
 */
public final class FleetApplicationActions implements ApplicationActionRunner {

    private final FleetService fleet;

    public FleetApplicationActions(FleetService fleet) {
        this.fleet = fleet;
    }

    @Override
    public ActionResult run(ApplicationAction action, String namespace, String name) {
        Fleet f = fleet.latest();
        String hub = f.hub() == null ? null : f.hub().name();
        return (hub == null ? Optional.<PlanTarget>empty() : fleet.planTarget(hub))
                .map(t -> new ApplicationActions(t.client()).run(action, namespace, name))
                .orElseGet(() -> new ActionResult(
                        namespace,
                        name,
                        action,
                        ActionResult.Outcome.FAILED,
                        action.title() + " of " + name + " not sent: the panel has no connection to the hub"
                                + (hub == null ? "" : " " + hub) + "; check the hub's connection on the Clusters tab"));
    }
}
