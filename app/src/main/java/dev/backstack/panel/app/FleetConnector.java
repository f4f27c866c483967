package dev.backstack.panel.app;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.connect.ClientFactory;
import dev.backstack.panel.installer.connect.ClientRegistry;
import dev.backstack.panel.installer.connect.ClusterConnection;
import dev.backstack.panel.installer.connect.ContextEntry;
import dev.backstack.panel.installer.connect.KubeconfigDiscovery;
import dev.backstack.panel.installer.connect.KubeconfigSet;
import dev.backstack.panel.model.ClusterRole;
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
    public static final long COALESCE_MILLIS = 100;

    private final ClientRegistry registry;
    private final KubeconfigSet kubeconfig;
    private final List<String> notices = new ArrayList<>();
    private final Optional<Path> file;
    private final Map<String, String> env;
    private final Path home;

    public FleetConnector(Options options, Map<String, String> env, Path home) {
        this(options.kubeconfig(), env, home, new ClientRegistry(new ClientFactory(env)));
    }

    /** Reads {@code file} (else $KUBECONFIG or ~/.kube/config); connects through {@code registry}. */
    private FleetConnector(Optional<Path> file, Map<String, String> env, Path home, ClientRegistry registry) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.home = home;
        Map<String, String> effective = new HashMap<>(env);
        file.ifPresent(p -> effective.put("KUBECONFIG", p.toString()));
        this.kubeconfig = new KubeconfigDiscovery().discover(effective, home);
        this.registry = registry;
        boolean explicit = effective.containsKey("KUBECONFIG");
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
        FleetConnector next = new FleetConnector(file.or(() -> this.file), env, home, registry);
        for (ContextEntry old : kubeconfig.contexts()) {
            boolean changed = next.kubeconfig.contexts().stream().anyMatch(n -> n.name().equals(old.name())
                    && n.source().equals(old.source()) && !n.equals(old));
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

    /** True when the panel should start on the demo fleet. */
    public boolean useDemo(Options options) {
        return options.demo() || kubeconfig.contexts().isEmpty();
    }

    /** The hub context named on the command line, else the current context. */
    public Optional<ContextEntry> hubContext(Options options) {
        return options.context().map(name -> kubeconfig.find(name)).orElseGet(kubeconfig::current);
    }

    public FleetService connect(Options options, long demoTickMillis) {
        if (useDemo(options)) {
            if (!options.demo()) {
                notices.add("No kubeconfig contexts found ($KUBECONFIG or ~/.kube/config): showing the simulated demo fleet.");
            }
            return FleetService.demo(demoTickMillis, COALESCE_MILLIS);
        }
        Optional<ContextEntry> hub = hubContext(options);
        if (hub.isEmpty()) {
            throw new IllegalArgumentException(options.context()
                    .map(c -> "no context named " + c + " in the kubeconfig")
                    .orElse("the kubeconfig has no current-context; choose one with --context NAME"));
        }
        return connect(hub.get(), options.spokes().stream().map(kubeconfig::find).flatMap(Optional::stream).toList());
    }

    /** Watches the given hub and spokes; a context that cannot be used is reported and skipped. */
    public FleetService connect(ContextEntry hub, List<ContextEntry> spokes) {
        List<FleetService.Target> targets = new ArrayList<>();
        target(hub, ClusterRole.HUB).ifPresent(targets::add);
        spokes.forEach(s -> target(s, ClusterRole.SPOKE).ifPresent(targets::add));
        return FleetService.watching(targets, COALESCE_MILLIS);
    }

    private Optional<FleetService.Target> target(ContextEntry entry, ClusterRole role) {
        try {
            ClusterConnection c = registry.acquire(entry);
            c.warnings().forEach(w -> notices.add(entry.name() + ": " + w));
            return Optional.of(new FleetService.Target(entry.name(), entry.name(), role, entry.server(),
                    Set.of("kubeconfig context (" + entry.source() + ")"), c.client()));
        } catch (RuntimeException e) {
            String message = e.getMessage();
            notices.add(message);
            LOG.warn("Cannot use {}", message);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        registry.closeAll();
    }
}
