package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ClusterConnection;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.connect.KubeconfigDiscovery;
import dev.backstack.panel.installer.connect.KubeconfigSet;
import dev.backstack.panel.installer.connect.KubeconfigWatcher;
import dev.backstack.panel.installer.connect.PluginApprovals;
import dev.backstack.panel.installer.live.SessionGate;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the command line and the user's kubeconfig into a running {@link FleetService}: the demo
 * fleet when asked or when there is no kubeconfig, else the chosen hub context and spokes.
 */
public final class FleetConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetConnector.class);
    /** Demo controller tick for the window: one simulated second per second. */
    public static final long DEMO_TICK_MILLIS = 1000;
    /**
     * At most one fleet snapshot per this many milliseconds (the first change after a quiet spell
     * is published at once): an event reaches the screen within this plus one frame.
     */
    public static final long COALESCE_MILLIS = 50;

    private final ClientRegistry registry;
    private volatile KubeconfigSet kubeconfig;
    private final Map<String, String> effective;
    private final Path home;
    private KubeconfigWatcher watcher;
    private final List<String> notices = new ArrayList<>();
    private final boolean kubeconfigGiven;
    private final List<Path> files;
    private final Optional<Path> file;
    private final Map<String, String> env;
    private final Set<Path> trusted;
    private final PluginApprovals approvals;

    public FleetConnector(Options options, Map<String, String> env, Path home) {
        this(
                options.kubeconfig(),
                env,
                home,
                new ClientRegistry(new ClientFactory(env)),
                null,
                new PluginApprovals(AppDirs.config(env, home)));
    }

    /** Reads {@code file} (else $KUBECONFIG or ~/.kube/config); connects through {@code registry}. */
    private FleetConnector(
            Optional<Path> file,
            Map<String, String> env,
            Path home,
            ClientRegistry registry,
            Set<Path> trustedFiles,
            PluginApprovals approvals) {
        this.approvals = approvals;
        this.file = file;
        this.env = Map.copyOf(env);
        this.home = home;
        Map<String, String> effective = new HashMap<>(env);
        file.ifPresent(p -> effective.put("KUBECONFIG", p.toString()));
        if (effective.getOrDefault("KUBECONFIG", "").isBlank()) {
            effective.remove("KUBECONFIG");
        }
        this.effective = Map.copyOf(effective);
        this.kubeconfig = new KubeconfigDiscovery().discover(effective, home);
        this.files = KubeconfigDiscovery.kubeconfigPaths(effective, home);
        this.registry = registry;
        // The files of the user's environment and command line: kubectl runs their plugins already.
        this.trusted = trustedFiles != null ? trustedFiles : Set.copyOf(files);
        boolean explicit = effective.containsKey("KUBECONFIG");
        this.kubeconfigGiven =
                explicit || java.nio.file.Files.exists(home.resolve(".kube").resolve("config"));
        kubeconfig.problems().stream()
                .filter(p -> explicit || java.nio.file.Files.exists(p.path()))
                .forEach(p -> notices.add(p.path() + ": " + p.message()));
        notices.addAll(kubeconfig.warnings());
    }

    /**
     * The kubeconfig read again, from {@code file} when given, else from the files this connector
     * read: a connector that shares this one's clients (closing either closes them all). A
     * context whose definition changed in the file loses its old client, so the next connection
     * uses what the file now says. Reads files: call off the FX thread.
     */
    public FleetConnector reread(Optional<Path> file) {
        FleetConnector next = new FleetConnector(file.or(() -> this.file), env, home, registry, trusted, approvals);
        for (ContextEntry old : kubeconfig.contexts()) {
            boolean changed = next.kubeconfig.contexts().stream()
                    .anyMatch(n -> n.name().equals(old.name()) && n.source().equals(old.source()) && !n.equals(old));
            if (changed) {
                registry.release(old);
            }
        }
        return next;
    }

    public KubeconfigSet kubeconfig() {
        return kubeconfig;
    }

    /** Problems and warnings the user should see (per file, per context). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /**
     * True when the panel should start on the demo fleet: asked for, or there is no kubeconfig at
     * all ({@code KUBECONFIG} unset and no {@code ~/.kube/config}). A kubeconfig that exists but
     * cannot be used is an error the user should see, never a reason to show a simulation.
     */
    public boolean useDemo(Options options) {
        return options.demo() || !kubeconfigGiven;
    }

    /** The hub context named on the command line, else the current context. */
    public Optional<ContextEntry> hubContext(Options options) {
        return options.context().map(name -> kubeconfig.find(name)).orElseGet(kubeconfig::current);
    }

    /**
     * The demo fleet, or the hub and spokes the options name.
     *
     * @throws NoHubException when the kubeconfig gives no hub context to connect to
     */
    public FleetService connect(Options options, long demoTickMillis) {
        if (useDemo(options)) {
            if (!options.demo()) {
                notices.add("No kubeconfig ($KUBECONFIG or ~/.kube/config): showing the simulated demo fleet.");
            }
            return FleetService.demo(demoTickMillis, COALESCE_MILLIS);
        }
        Optional<ContextEntry> hub = hubContext(options);
        if (hub.isEmpty()) {
            throw new NoHubException(noHubReason(options));
        }
        List<FleetService.Target> targets = new ArrayList<>();
        targets.add(target(hub.get(), ClusterRole.HUB));
        for (String spoke : options.spokes()) {
            targets.add(kubeconfig
                    .find(spoke)
                    .map(s -> target(s, ClusterRole.SPOKE))
                    .orElseGet(() -> FleetService.Target.unusable(
                            spoke,
                            ClusterRole.SPOKE,
                            "",
                            Set.of(),
                            "no context named " + spoke + " in the kubeconfig (" + files() + ")")));
        }
        return FleetService.watching(targets, COALESCE_MILLIS);
    }

    /** Why there is no hub to connect to, and what to do about it. */
    private String noHubReason(Options options) {
        String where = files();
        if (kubeconfig.contexts().isEmpty()) {
            List<String> why = new ArrayList<>();
            kubeconfig.problems().forEach(p -> why.add(p.path() + ": " + p.message()));
            why.addAll(kubeconfig.warnings());
            return "no usable kubeconfig (" + where + "): "
                    + (why.isEmpty() ? "it defines no contexts" : String.join("; ", why))
                    + ". Fix the file, point --kubeconfig or KUBECONFIG at another one, or run with --demo.";
        }
        String names = kubeconfig.contexts().stream()
                .map(ContextEntry::name)
                .limit(8)
                .collect(java.util.stream.Collectors.joining(", "));
        return options.context()
                .map(c -> "no context named " + c + " in the kubeconfig (" + where + "); it has: " + names)
                .orElse("the kubeconfig (" + where + ") has no current-context that names one of its contexts (" + names
                        + "); choose one with --context NAME or `kubectl config use-context NAME`");
    }

    private String files() {
        return files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Watches the given hub and spokes; a context that cannot be used is shown, with its reason, and never asked anything. */
    public FleetService connect(ContextEntry hub, List<ContextEntry> spokes) {
        // Chosen again by the user: a fresh client, so a cancelled or failed sign-in is tried anew.
        registry.release(hub);
        spokes.forEach(registry::release);
        List<FleetService.Target> targets = new ArrayList<>();
        targets.add(target(hub, ClusterRole.HUB));
        spokes.forEach(s -> targets.add(target(s, ClusterRole.SPOKE)));
        return FleetService.watching(targets, COALESCE_MILLIS);
    }

    private FleetService.Target target(ContextEntry entry, ClusterRole role) {
        Set<String> sources = Set.of("kubeconfig context (" + entry.source() + ")");
        if (!approvals.mayRun(entry, trusted)) {
            return FleetService.Target.unusable(
                    entry.name(),
                    role,
                    entry.server(),
                    sources,
                    "its credential plugin `"
                            + PluginApprovals.commandName(entry.exec().orElseThrow()) + "` comes from "
                            + PluginApprovals.pluginFile(entry) + ", a kubeconfig opened in the panel, and has not been"
                            + " approved; choose the context in Clusters\u2026 to see what it runs and approve it");
        }
        try {
            ClusterConnection c = registry.acquire(entry);
            c.warnings().forEach(w -> notices.add(entry.name() + ": " + w));
            SessionGate gate = c.credentials()
                    .map(p -> SessionGate.credential(
                            "waiting for " + p.describe() + " (it may be waiting for a login in your browser)",
                            () -> p.getToken()))
                    .orElse(SessionGate.OPEN);
            return new FleetService.Target(entry.name(), entry.name(), role, entry.server(), sources, c.client(), gate);
        } catch (RuntimeException e) {
            // Shown on the cluster itself (not connected, with this reason), not as a notice too.
            String message = e.getMessage();
            LOG.info("Cannot use {}", message);
            return FleetService.Target.unusable(entry.name(), role, entry.server(), sources, message);
        }
    }

    /**
     * Follows the kubeconfig files on disk (aws, gcloud and az rewrite them): {@code onChange}
     * hears, on the watcher's thread, when a context the panel could use changed; call
     * {@link #apply} with it. Idempotent.
     */
    public synchronized void watch(java.util.function.Consumer<KubeconfigWatcher.Change> onChange)
            throws java.io.IOException {
        if (watcher == null) {
            watcher = KubeconfigWatcher.start(effective, home, kubeconfig, KubeconfigWatcher.Options.defaults(), c -> {
                kubeconfig = c.current();
                onChange.accept(c);
            });
        }
    }

    /**
     * Rebuilds the clients of the contexts a kubeconfig change touched and re-adds the ones the
     * fleet watches; contexts that did not change keep their clients and informers (no duplicate
     * events). A context the fleet watches that is gone stays, not connected, with the reason.
     * Any thread but the FX thread (it builds clients).
     */
    public void apply(KubeconfigWatcher.Change change, FleetService service) {
        Fleet fleet = service.latest();
        Map<String, ClusterRole> watched = new HashMap<>();
        watched.put(fleet.hub().id(), ClusterRole.HUB);
        fleet.spokes().forEach(s -> watched.put(s.id(), ClusterRole.SPOKE));
        java.util.Set<String> touched = new java.util.TreeSet<>(change.changed());
        touched.addAll(change.removed());
        for (String name : touched) {
            ClusterRole role = watched.get(name);
            if (role != null) {
                service.remove(name);
            }
            change.previous().find(name).ifPresent(registry::release);
            if (role != null) {
                service.add(change.current()
                        .find(name)
                        .map(e -> target(e, role))
                        .orElseGet(() -> FleetService.Target.unusable(
                                name,
                                role,
                                "",
                                Set.of(),
                                "the context is no longer in the kubeconfig (" + files() + ")")));
                LOG.info("Context {} changed in the kubeconfig; reconnected", name);
            }
        }
    }

    /**
     * The contexts among {@code names} whose credential plugin comes from a kubeconfig the user
     * opened in the panel and has not approved (T28): ask before connecting.
     */
    public List<ContextEntry> pluginsToApprove(java.util.Collection<String> names) {
        return approvals.needingApproval(kubeconfig, trusted).stream()
                .filter(e -> names.contains(e.name()))
                .toList();
    }

    /** Records the user's approval of this context's plugin (exactly its command line). Writes a file. */
    public void approve(ContextEntry entry) {
        approvals.approve(PluginApprovals.pluginFile(entry), entry.exec().orElseThrow());
    }

    /** Stops following the kubeconfig files (this connector was replaced). */
    public synchronized void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** Cancels the credential plugins still waiting (for a browser login); see {@link ClientRegistry#cancelPendingCredentials()}. */
    public int cancelSignIns() {
        return registry.cancelPendingCredentials();
    }

    @Override
    public void close() {
        stopWatching();
        registry.closeAll();
    }
}
