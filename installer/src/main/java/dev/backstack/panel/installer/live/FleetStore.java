package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import dev.backstack.panel.model.rules.ClusterAssembler;
import dev.backstack.panel.model.rules.SpokeDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place informer events become fleet snapshots. Sessions mark keys (any thread, O(1));
 * a single store thread drains the marks at most every {@code coalesceMillis}, re-reads each
 * marked object from its informer cache, rebuilds the affected clusters and publishes an
 * immutable {@link Fleet}. Readers take {@link #latest()} or register a listener (called on the
 * store thread; it must hand off, not work).
 */
public final class FleetStore implements ClusterSession.Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetStore.class);

    private record Mark(ClusterSession session, KindSpec spec, String key, boolean dropKind) {
    }

    private static final class ClusterState {
        final ClusterAssembler.Identity identity;
        final ClusterSession session;
        final Map<KindRef, Map<String, KubeObject>> objects = new HashMap<>();
        final Map<KindRef, Map<String, KubeObject>> published = new HashMap<>();
        final Set<KindRef> changedKinds = new HashSet<>();
        Cluster assembled;
        ObjectSet objectSet = ObjectSet.EMPTY;

        ClusterState(ClusterAssembler.Identity identity, ClusterSession session) {
            this.identity = identity;
            this.session = session;
        }
    }

    private final boolean simulated;
    private final long coalesceMillis;
    private final LongSupplier clock;
    private final ScheduledExecutorService thread;
    private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Map<String, ClusterState> clusters = new LinkedHashMap<>();
    private final List<Consumer<Fleet>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean statesChanged = true;
    private volatile Fleet latest;
    private long revision;

    public FleetStore(boolean simulated, long coalesceMillis, LongSupplier clock) {
        this.simulated = simulated;
        this.coalesceMillis = coalesceMillis;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-store");
            t.setDaemon(true);
            return t;
        });
        this.latest = emptyFleet();
    }

    private Fleet emptyFleet() {
        // Revision 0: a placeholder until the first snapshot, never shown as a cluster (the window
        // skips it, the headless commands wait for every registered cluster).
        Cluster none = ClusterAssembler.assemble(new ClusterAssembler.Identity("none", "no cluster yet", ClusterRole.HUB, "",
                Set.of()), new Reachability(Reachability.State.CONNECTING, "waiting for the first snapshot"), "",
                ObjectSet.EMPTY);
        return new Fleet(none, List.of(), List.of(), simulated, 0, clock.getAsLong());
    }

    /** Adds a cluster to the fleet. Call before starting its session. Any thread. */
    public void register(ClusterAssembler.Identity identity, ClusterSession session) {
        thread.execute(() -> {
            clusters.put(identity.id(), new ClusterState(identity, session));
            statesChanged = true;
        });
        requestFlush();
    }

    /** Removes a cluster (its session is closed by the caller). Any thread. */
    public void unregister(String clusterId) {
        thread.execute(() -> {
            clusters.remove(clusterId);
            statesChanged = true;
        });
        requestFlush();
    }

    public Fleet latest() {
        return latest;
    }

    public void addListener(Consumer<Fleet> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Fleet> listener) {
        listeners.remove(listener);
    }

    @Override
    public void mark(ClusterSession session, KindSpec spec, String key) {
        marks.add(new Mark(session, spec, key, false));
        requestFlush();
    }

    @Override
    public void dropKind(ClusterSession session, KindSpec spec) {
        marks.add(new Mark(session, spec, null, true));
        requestFlush();
    }

    @Override
    public void stateChanged(ClusterSession session) {
        statesChanged = true;
        requestFlush();
    }

    private void requestFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            thread.schedule(this::flush, coalesceMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Drains the marks and publishes a snapshot. Runs on the store thread only. */
    private void flush() {
        flushScheduled.set(false);
        try {
            Set<String> dirty = drainMarks();
            if (dirty.isEmpty() && !statesChanged) {
                return;
            }
            statesChanged = false;
            publish(dirty);
        } catch (RuntimeException e) {
            LOG.error("Could not assemble the fleet snapshot", e);
        }
    }

    private Set<String> drainMarks() {
        Set<String> dirty = new HashSet<>();
        Mark m;
        while ((m = marks.poll()) != null) {
            ClusterState cs = clusters.get(m.session().clusterId());
            if (cs == null || cs.session != m.session()) {
                continue;
            }
            KindRef kind = m.spec().ref();
            Map<String, KubeObject> ofKind = cs.objects.computeIfAbsent(kind, k -> new HashMap<>());
            if (m.dropKind()) {
                String ns = m.spec().namespace();
                ofKind.values().removeIf(o -> ns == null || ns.equals(o.namespace()));
            } else {
                Optional<KubeObject> current = m.session().lookup(m.spec(), m.key());
                if (current.isPresent()) {
                    ofKind.put(m.key(), current.get());
                } else {
                    ofKind.remove(m.key());
                }
            }
            cs.changedKinds.add(kind);
            dirty.add(cs.identity.id());
        }
        return dirty;
    }

    private void publish(Set<String> dirty) {
        List<Cluster> connectedSpokes = new ArrayList<>();
        ClusterState hub = null;
        List<WatchState> watches = new ArrayList<>();
        for (ClusterState cs : clusters.values()) {
            if (!cs.changedKinds.isEmpty()) {
                for (KindRef k : cs.changedKinds) {
                    cs.published.put(k, Map.copyOf(cs.objects.get(k)));
                }
                cs.changedKinds.clear();
                cs.objectSet = ObjectSet.wrap(cs.published);
            }
            cs.assembled = ClusterAssembler.assemble(cs.identity, cs.session.reachability(),
                    cs.session.kubernetesVersion(), cs.objectSet);
            watches.addAll(cs.session.watchStates());
            if (cs.identity.role() == ClusterRole.HUB) {
                hub = cs;
            } else {
                connectedSpokes.add(cs.assembled);
            }
        }
        Fleet base = emptyFleet();
        Cluster hubCluster = hub == null ? base.hub() : hub.assembled;
        List<Cluster> spokes = SpokeDetector.detect(hub == null ? ObjectSet.EMPTY : hub.objectSet, connectedSpokes);
        Fleet fleet = new Fleet(hubCluster, spokes, watches, simulated, ++revision, clock.getAsLong());
        latest = fleet;
        for (Consumer<Fleet> l : listeners) {
            l.accept(fleet);
        }
    }

    /** The objects last read from a cluster; empty when unknown. For detail views and tests. */
    public ObjectSet objects(String clusterId) {
        java.util.concurrent.CompletableFuture<ObjectSet> f = new java.util.concurrent.CompletableFuture<>();
        thread.execute(() -> {
            ClusterState cs = clusters.get(clusterId);
            f.complete(cs == null ? ObjectSet.EMPTY : cs.objectSet);
        });
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return ObjectSet.EMPTY;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
