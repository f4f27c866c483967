package dev.backstack.panel.installer;

import dev.backstack.panel.installer.demo.DemoFleet;
import dev.backstack.panel.installer.live.ClusterSession;
import dev.backstack.panel.installer.live.FleetStore;
import dev.backstack.panel.installer.live.LiveThreads;
import dev.backstack.panel.installer.live.SessionGate;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.rules.ClusterAssembler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the views and the command line call: the live fleet of one hub and its connected spokes.
 * Snapshots come from one {@link FleetStore}; {@link #latest()} never blocks. Thread-safe.
 */
public final class FleetService implements AutoCloseable {

    /**
     * A cluster to watch, with a client the caller keeps open while the service runs, and what
     * must hold before it is asked anything (a credential; or the reason it cannot be used, with
     * no client).
     */
    public record Target(
            String id,
            String name,
            ClusterRole role,
            String server,
            Set<String> sources,
            KubernetesClient client,
            SessionGate gate) {

        public Target(
                String id, String name, ClusterRole role, String server, Set<String> sources, KubernetesClient client) {
            this(id, name, role, server, sources, client, SessionGate.OPEN);
        }

        /** A cluster the user asked for that cannot be used: shown, with the reason, and never asked anything. */
        public static Target unusable(
                String name, ClusterRole role, String server, Set<String> sources, String reason) {
            return new Target(name, name, role, server, sources, null, SessionGate.refused(reason));
        }
    }

    private final LiveThreads threads = new LiveThreads();
    private final FleetStore store;
    private final Map<String, ClusterSession> sessions = new LinkedHashMap<>();
    private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final boolean simulated;
    private final DemoFleet demo;
    private boolean closed;

    private FleetService(boolean simulated, DemoFleet demo, long coalesceMillis) {
        this.simulated = simulated;
        this.demo = demo;
        this.store = new FleetStore(simulated, coalesceMillis, System::currentTimeMillis, threads);
    }

    /** Watches the given clusters. The service does not close their clients. */
    public static FleetService watching(List<Target> targets, long coalesceMillis) {
        FleetService s = new FleetService(false, null, coalesceMillis);
        targets.forEach(s::add);
        return s;
    }

    /** Starts the simulated demo fleet and watches it; closing the service stops the simulation. */
    public static FleetService demo(long tickMillis, long coalesceMillis) {
        DemoFleet fleet = DemoFleet.start(tickMillis);
        FleetService s = new FleetService(true, fleet, coalesceMillis);
        for (DemoFleet.Member m : fleet.members()) {
            s.add(new Target(m.name(), m.name(), m.role(), m.server(), Set.of("simulated demo cluster"), m.client()));
        }
        fleet.onNewSpoke(m -> s.add(new Target(
                m.name(),
                m.name(),
                m.role(),
                m.server(),
                Set.of("simulated demo cluster, requested in the spoke wizard"),
                m.client())));
        s.owned.add(fleet);
        return s;
    }

    /** Adds a cluster and starts watching it; ignored once the service is closed. */
    public synchronized void add(Target t) {
        if (closed) {
            return;
        }
        ClusterSession session =
                new ClusterSession(t.id(), t.client(), store, System::currentTimeMillis, t.gate(), threads);
        store.register(new ClusterAssembler.Identity(t.id(), t.name(), t.role(), t.server(), t.sources()), session);
        sessions.put(t.id(), session);
        if (t.client() != null) {
            clients.put(t.id(), t.client());
        }
        session.start();
    }

    /** Stops watching a cluster. */
    public synchronized void remove(String clusterId) {
        ClusterSession s = sessions.remove(clusterId);
        clients.remove(clusterId);
        if (s != null) {
            store.unregister(clusterId);
            s.close();
        }
    }

    public Fleet latest() {
        return store.latest();
    }

    public void addListener(Consumer<Fleet> listener) {
        store.addListener(listener);
    }

    public void removeListener(Consumer<Fleet> listener) {
        store.removeListener(listener);
    }

    public boolean simulated() {
        return simulated;
    }

    /** The simulation, when this service runs the demo fleet. */
    public Optional<DemoFleet> demoFleet() {
        return Optional.ofNullable(demo);
    }

    /** The raw objects last read from a cluster (detail views). */
    public ObjectSet objects(String clusterId) {
        return store.objects(clusterId);
    }

    synchronized Optional<KubernetesClient> client(String clusterId) {
        return Optional.ofNullable(clients.get(clusterId));
    }

    /**
     * A cluster of the fleet to run a wizard's plan on (by id or name), with the client the live
     * view uses. Plans that need Helm are not run this way (the target has no Helm access).
     */
    public Optional<PlanTarget> planTarget(String cluster) {
        Fleet fleet = latest();
        Stream<Cluster> all =
                Stream.concat(fleet.hub() == null ? Stream.empty() : Stream.of(fleet.hub()), fleet.spokes().stream());
        return all.filter(c -> c.id().equals(cluster) || c.name().equals(cluster))
                .findFirst()
                .flatMap(c -> client(c.id()).map(k -> new PlanTarget(c.name(), c.server(), k, null, null, simulated)));
    }

    /** Recent events and pod logs of one cluster, fetched on demand. */
    public Optional<ClusterInspector> inspector(String clusterId) {
        return client(clusterId).map(ClusterInspector::new);
    }

    /**
     * Waits until every session that can be reached has listed once (tests, benchmarks, the
     * headless status); a cluster that refuses connections is not waited for.
     */
    public boolean awaitSynced(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<ClusterSession> all;
        synchronized (this) {
            all = List.copyOf(sessions.values());
        }
        for (ClusterSession s : all) {
            while (!s.awaitSynced(200, TimeUnit.MILLISECONDS)) {
                if (s.reachability().state() == dev.backstack.panel.model.Reachability.State.UNREACHABLE) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
        }
        // The snapshot shows every cluster once the store has published after their registration.
        Set<String> ids = all.stream().map(ClusterSession::clusterId).collect(java.util.stream.Collectors.toSet());
        while (!latest().clusterIds().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        // ...and in a snapshot that has read each session's state since it settled.
        try {
            store.refreshed().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        sessions.values().forEach(ClusterSession::close);
        sessions.clear();
        store.close();
        threads.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
    }
}
