package dev.backstack.panel.app.spoke;

import dev.backstack.panel.app.AppDirs;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.connect.KubeconfigSet;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.spoke.SpokeContexts;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.views.spoke.SpokeServiceBackend;
import dev.backstack.panel.views.spoke.SpokeWizard;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Opens the spoke wizard on the fleet the window shows: the claim plans on its hub, and the user's
 * kubeconfig contexts (none on the demo) as clusters to register, whose clients are released
 * when the wizard closes. Call on the FX thread.
 */
public final class SpokeWizards {

    private SpokeWizards() {}

    /**
     * @param kubeconfig      the user's kubeconfig contexts (empty on the demo)
     * @param followInLineage called with the spoke's name when the user follows it in the lineage view
     */
    public static void open(
            Window owner,
            FleetService fleet,
            Supplier<Optional<KubeconfigSet>> kubeconfig,
            Map<String, String> env,
            Path home,
            Consumer<String> openUrl,
            Consumer<String> followInLineage) {
        SpokeService service = new SpokeService(
                new FleetClusters(fleet), AppDirs.journals(env, home), Clock.systemUTC(), new GitOpsDelivery());
        KubeconfigContexts contexts = fleet.simulated() ? null : new KubeconfigContexts(kubeconfig, env);
        SpokeServiceBackend backend = new SpokeServiceBackend(
                service, contexts == null ? SpokeContexts.none() : contexts, fleet.simulated(), () -> {
                    if (contexts != null) {
                        contexts.close();
                    }
                });
        SpokeWizard.show(owner, SpokeWizard.viewModel(backend), openUrl, followInLineage);
    }
}
