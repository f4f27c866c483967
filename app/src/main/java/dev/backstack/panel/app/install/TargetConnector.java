package dev.backstack.panel.app.install;

import dev.backstack.panel.app.FleetConnector;
import dev.backstack.panel.app.Options;
import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.demo.DemoFleet;
import dev.backstack.panel.installer.helm.HelmJavaDriver;
import dev.backstack.panel.installer.helm.KubeAccess;
import dev.backstack.panel.installer.helm.KubeconfigContents;
import dev.backstack.panel.installer.install.InstallService;
import dev.backstack.panel.installer.install.VersionLock;
import dev.backstack.panel.installer.plan.PlanTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens the cluster an install goes to: a kubeconfig context (its client, and its kubeconfig as
 * contents in memory for Helm), or the demo fleet's empty simulated cluster. Owns what it opens;
 * closing releases the clients and stops the simulation.
 */
public final class TargetConnector implements AutoCloseable {

    /** The demo's simulated controllers run ten times faster in the headless install. */
    public static final long DEMO_TICK_MILLIS = 100;

    private final Map<String, String> env;
    private final Path home;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private DemoFleet demo;

    public TargetConnector(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** The journals folder: {@code $XDG_CONFIG_HOME/backstack-panel/journals} or {@code ~/.config/...}. */
    public Path journalDir() {
        return dev.backstack.panel.app.AppDirs.journals(env, home);
    }

    /** The target the options name: the demo's empty cluster with {@code --demo}, else the hub context. */
    public InstallService open(Options options, long demoTickMillis) {
        if (options.demo()) {
            return demo(demoTickMillis);
        }
        // Never the simulation unless asked for: an install goes where the user pointed it.
        FleetConnector connector = new FleetConnector(options, env, home);
        owned.add(connector);
        if (connector.kubeconfig().contexts().isEmpty()) {
            throw new IllegalArgumentException("no kubeconfig contexts found ($KUBECONFIG, ~/.kube/config or "
                    + "--kubeconfig)"
                    + (connector.notices().isEmpty() ? "" : ": " + String.join("; ", connector.notices()))
                    + ". Use --demo to install on the simulated demo cluster.");
        }
        ContextEntry entry = connector
                .hubContext(options)
                .orElseThrow(() -> new IllegalArgumentException(options.context()
                        .map(c -> "no context named " + c + " in the kubeconfig")
                        .orElse("the kubeconfig has no current-context; choose one with --context NAME")));
        return context(entry);
    }

    /** A kubeconfig context as an install target. */
    public InstallService context(ContextEntry entry) {
        ClientRegistry registry = new ClientRegistry(new ClientFactory(env));
        owned.add(registry);
        KubeAccess kube;
        try {
            kube = KubeconfigContents.fromFile(entry.source(), entry.name());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read context " + entry.name() + " from " + entry.source() + ": " + e.getMessage());
        }
        PlanTarget t = new PlanTarget(
                entry.name(), entry.server(), registry.acquire(entry).client(), kube, new HelmJavaDriver(), false);
        return new InstallService(t, VersionLock.shipped(), journalDir(), Clock.systemUTC());
    }

    /** The demo fleet's empty simulated cluster as an install target. */
    public synchronized InstallService demo(long tickMillis) {
        if (demo == null) {
            demo = DemoFleet.start(tickMillis);
            owned.add(demo);
        }
        DemoFleet.Member m = demo.installTarget();
        PlanTarget t = new PlanTarget(
                m.name() + " (simulated)", m.server(), m.client(), demo.installTargetAccess(), demo.helm(), true);
        try {
            // The simulated cluster lives as long as the process: its journal copy does too.
            Path journals = java.nio.file.Files.createTempDirectory("backstack-demo-journals");
            journals.toFile().deleteOnExit();
            return new InstallService(t, VersionLock.shipped(), journals, Clock.systemUTC());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // best effort
            }
        }
        owned.clear();
    }
}
