package dev.backstack.panel.app.addon;

import dev.backstack.panel.app.AppDirs;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.addon.AddonCatalog;
import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.installer.addon.FleetApplicationActions;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.views.addon.AddonMatrixViewModel;
import dev.backstack.panel.views.addon.AddonServiceBackend;
import dev.backstack.panel.views.addon.AddonWizard;
import dev.backstack.panel.views.task.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The window's add-on wiring: the wizard on the fleet the window shows (the same service as
 * {@code addons apply}), and the matrix view-model whose Refresh, Sync and Retry go through the
 * live hub connection. Call on the FX thread.
 */
public final class AddonWizards {

    private AddonWizards() {}

    /** Opens the add-on wizard over {@code owner}, its plans journalled under the user's configuration folder. */
    public static void open(
            Window owner, FleetService fleet, Map<String, String> env, Path home, Consumer<String> openUrl) {
        AddonService service = new AddonService(
                AddonCatalog.load(),
                new FleetClusters(fleet),
                AppDirs.journals(env, home),
                Clock.systemUTC(),
                new GitOpsDelivery());
        AddonWizard.show(owner, AddonWizard.viewModel(new AddonServiceBackend(service, fleet.simulated())), openUrl);
    }

    /**
     * The matrix's view-model with its actions on the hub of the window's current fleet, looked up
     * at each action (the window connects, and may reconnect, after the tab exists). The actions
     * run on background threads and report on the FX thread.
     */
    public static AddonMatrixViewModel matrix(Supplier<FleetService> fleet) {
        return new AddonMatrixViewModel(
                (action, namespace, name) -> {
                    FleetService f = fleet.get();
                    return f == null
                            ? new ActionResult(
                                    namespace,
                                    name,
                                    action,
                                    ActionResult.Outcome.FAILED,
                                    action.title() + " of " + name
                                            + " not sent: the panel is not connected to a fleet yet; wait until it is")
                            : new FleetApplicationActions(f).run(action, namespace, name);
                },
                new FxTaskExecutor(),
                Clock.systemUTC());
    }
}
