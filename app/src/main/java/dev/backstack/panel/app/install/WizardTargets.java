package dev.backstack.panel.app.install;

import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.connect.KubeconfigSet;
import dev.backstack.panel.installer.install.InstallService;
import dev.backstack.panel.views.install.InstallBackend;
import dev.backstack.panel.views.install.InstallServiceBackend;
import dev.backstack.panel.views.install.InstallTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the install wizard offers: the demo's empty simulated cluster, then every usable context
 * of the user's kubeconfig. Each target the wizard opens gets its own connections, released when
 * the wizard closes its backend.
 */
public final class WizardTargets implements InstallTargets {

    /** The simulated target's name in the list. */
    public static final String SIMULATED = "empty-cluster (simulated demo cluster)";
    /** Simulated controllers in the wizard run at one tick per 200 ms: quick, yet readable. */
    static final long DEMO_TICK_MILLIS = 200;

    private final Supplier<Optional<KubeconfigSet>> kubeconfig;
    private final Map<String, String> env;
    private final Path home;

    public WizardTargets(Supplier<Optional<KubeconfigSet>> kubeconfig, Map<String, String> env, Path home) {
        this.kubeconfig = kubeconfig;
        this.env = env;
        this.home = home;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(SIMULATED);
        kubeconfig
                .get()
                .ifPresent(
                        k -> k.contexts().stream().filter(ContextEntry::usable).forEach(c -> out.add(c.name())));
        return out;
    }

    @Override
    public InstallBackend open(String name) {
        TargetConnector connector = new TargetConnector(env, home);
        try {
            InstallService service = name.equals(SIMULATED)
                    ? connector.demo(DEMO_TICK_MILLIS)
                    : connector.context(kubeconfig
                            .get()
                            .flatMap(k -> k.find(name))
                            .orElseThrow(() -> new IllegalArgumentException("no context named " + name)));
            return new InstallServiceBackend(service, connector::close);
        } catch (RuntimeException e) {
            connector.close();
            throw e;
        }
    }
}
