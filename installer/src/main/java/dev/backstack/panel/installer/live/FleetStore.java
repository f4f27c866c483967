package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place informer events become fleet snapshots. Sessions mark keys (any thread, O(1));
 * a single store thread drains the marks, at most once every {@code coalesceMillis} (at once
 * when the last snapshot is older than that), re-reads each marked object from its informer
 * cache, rebuilds only the clusters whose objects or state changed (deriving each changed
 * Application once) and publishes an immutable {@link Fleet}. Readers take {@link #latest()} or
 * register a listener (called on the store thread; it must hand off, not work).
 */
public final class FleetStore implements ClusterSession.Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetStore.class);

    /** A key to re-read ({@code key} set), a kind gone ({@code dropKind}), or the session's state changed (no spec). */
    private record Mark(ClusterSession session, KindSpec spec, String key, boolean dropKind) {}

    private static final class ClusterState {
        final ClusterAssembler.Identity identity;
        final ClusterSession session;
        final Map<KindRef, Map<String, KubeObject>> objects = new HashMap<>();
        final Map<KindRef, Map<String, KubeObject>> published = new HashMap<>();
        final Set<KindRef> changedKinds = new HashSet<>();
        final ApplicationStatuses applications = new ApplicationStatuses();
        boolean stateChanged = true;
        Cluster assembled;
        List<WatchState> watches = List.of();
        ObjectSet objectSet = ObjectSet.EMPTY;

        ClusterState(ClusterAssembler.Identity identity, ClusterSession session) {
            this.identity = identity;
            this.session = session;
        }

        boolean dirty() {
            return stateChanged || !changedKinds.isEmpty();
        }
    }

    private final boolean simulated;
    private final long coalesceMillis;
    private final LongSupplier clock;
    private final ScheduledExecutorService thread;
    private final LiveThreads ownThreads;
    private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();
    /** Clusters added and removed since the last flush, applied before its marks. */
    private final ConcurrentLinkedQueue<Runnable> membership = new ConcurrentLinkedQueue<>();
    /** Callers waiting for a snapshot that re-reads every cluster's state ({@link #refreshed()}). */
    private final ConcurrentLinkedQueue<java.util.concurrent.CompletableFuture<Fleet>> refreshes =
            new ConcurrentLinkedQueue<>();

    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Map<String, ClusterState> clusters = new LinkedHashMap<>();
    private final List<Consumer<Fleet>> listeners = new CopyOnWriteArrayList<>();
    private volatile long lastFlushNanos;
    private volatile Fleet latest;
    /** Each cluster's objects as of {@link #latest}, published with it. */
    private volatile Map<String, ObjectSet> latestObjects = Map.of();

    private long revision;

    /** A store with a thread of its own (tests, tools). */
    public FleetStore(boolean simulated, long coalesceMillis, LongSupplier clock) {
        this(simulated, coalesceMillis, clock, null);
    }

    /** A store on the fleet's {@link LiveThreads} (null: its own, stopped with it). */
    public FleetStore(boolean simulated, long coalesceMillis, LongSupplier clock, LiveThreads threads) {
        this.simulated = simulated;
        this.coalesceMillis = coalesceMillis;
        this.clock = clock;
        this.ownThreads = threads == null ? new LiveThreads() : null;
        this.thread = (threads == null ? ownThreads : threads).store();
        this.lastFlushNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(coalesceMillis);
        this.latest = emptyFleet();
    }

    private Fleet emptyFleet() {
        // Revision 0: a placeholder until the first snapshot, never shown as a cluster (the window
        // skips it, the headless commands wait for every registered cluster).
        Cluster none = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("none", "no cluster yet", ClusterRole.HUB, "", Set.of()),
                new Reachability(Reachability.State.CONNECTING, "waiting for the first snapshot"),
                "",
                ObjectSet.EMPTY);
        return new Fleet(none, List.of(), List.of(), simulated, 0, clock.getAsLong());
    }

    /**
     * Adds a cluster to the fleet. Call before starting its session: the next flush knows the
     * cluster before it reads any of the session's marks. Any thread.
     */
    public void register(ClusterAssembler.Identity identity, ClusterSession session) {
        membership.add(() -> clusters.put(identity.id(), new ClusterState(identity, session)));
        requestFlush();
    }

    /** Removes a cluster (its session is closed by the caller). Any thread. */
    public void unregister(String clusterId) {
        membership.add(() -> clusters.remove(clusterId));
        requestFlush();
    }

    public Fleet latest() {
        return latest;
    }

    /**
     * A snapshot published after this call that re-read every cluster's state and every mark made
     * before it (the headless commands and tests wait for it: a snapshot published a moment
     * before a session's state changed would otherwise do).
     */
    public java.util.concurrent.CompletableFuture<Fleet> refreshed() {
        java.util.concurrent.CompletableFuture<Fleet> f = new java.util.concurrent.CompletableFuture<>();
        refreshes.add(f);
        requestFlush();
        return f;
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
        marks.add(new Mark(session, null, null, false));
        requestFlush();
    }

    /**
     * Schedules one flush for whatever is marked: at once when the last one is at least
     * {@code coalesceMillis} old, else when it will be. A burst of marks costs one snapshot.
     */
    private void requestFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            long since = System.nanoTime() - lastFlushNanos;
            long wait = Math.max(0, TimeUnit.MILLISECONDS.toNanos(coalesceMillis) - since);
            try {
                thread.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closed: no more snapshots
            }
        }
    }

    /** Applies what changed and publishes a snapshot. Runs on the store thread only. */
    private void flush() {
        lastFlushNanos = System.nanoTime();
        flushScheduled.set(false);
        List<java.util.concurrent.CompletableFuture<Fleet>> waiting = new ArrayList<>();
        java.util.concurrent.CompletableFuture<Fleet> w;
        while ((w = refreshes.poll()) != null) {
            waiting.add(w);
        }
        try {
            boolean changed = !waiting.isEmpty();
            Runnable op;
            while ((op = membership.poll()) != null) {
                op.run();
                changed = true;
            }
            changed |= drainMarks();
            if (!waiting.isEmpty()) {
                clusters.values().forEach(cs -> cs.stateChanged = true);
            }
            if (changed) {
                publish();
            }
        } catch (RuntimeException e) {
            LOG.error("Could not assemble the fleet snapshot", e);
        }
        waiting.forEach(f -> f.complete(latest));
    }

    /** Applies the marks to the clusters' objects; true when any cluster changed. */
    private boolean drainMarks() {
        boolean changed = false;
        Mark m;
        while ((m = marks.poll()) != null) {
            ClusterState cs = clusters.get(m.session().clusterId());
            if (cs == null || cs.session != m.session()) {
                continue;
            }
            changed = true;
            if (m.spec() == null) {
                cs.stateChanged = true;
                continue;
            }
            KindRef kind = m.spec().ref();
            boolean isApplication = kind.equals(Kinds.APPLICATION);
            Map<String, KubeObject> ofKind = cs.objects.computeIfAbsent(kind, k -> new HashMap<>());
            if (m.dropKind()) {
                String ns = m.spec().namespace();
                ofKind.values().removeIf(o -> ns == null || ns.equals(o.namespace()));
                if (isApplication) {
                    cs.applications.retainKeys(ofKind.keySet());
                }
            } else {
                Optional<KubeObject> current = m.session().lookup(m.spec(), m.key());
                if (current.isPresent()) {
                    ofKind.put(m.key(), current.get());
                    if (isApplication) {
                        cs.applications.put(m.key(), current.get());
                    }
                } else {
                    ofKind.remove(m.key());
                    if (isApplication) {
                        cs.applications.remove(m.key());
                    }
                }
            }
            cs.changedKinds.add(kind);
        }
        return changed;
    }

    /** Rebuilds the clusters that changed, keeps the others as they were, and publishes the fleet. */
    private void publish() {
        List<Cluster> connectedSpokes = new ArrayList<>();
        ClusterState hub = null;
        List<WatchState> watches = new ArrayList<>();
        Map<String, ObjectSet> objects = new HashMap<>();
        for (ClusterState cs : clusters.values()) {
            if (cs.assembled == null || cs.dirty()) {
                rebuild(cs);
            }
            objects.put(cs.identity.id(), cs.objectSet);
            watches.addAll(cs.watches);
            if (cs.identity.role() == ClusterRole.HUB) {
                hub = cs;
            } else {
                connectedSpokes.add(cs.assembled);
            }
        }
        Cluster hubCluster = hub == null ? emptyFleet().hub() : hub.assembled;
        List<Cluster> spokes = hub == null
                ? SpokeDetector.detect(ObjectSet.EMPTY, connectedSpokes)
                : SpokeDetector.detect(hub.objectSet, hub.applications.sorted(), connectedSpokes);
        Fleet fleet = new Fleet(hubCluster, spokes, watches, simulated, ++revision, clock.getAsLong());
        latestObjects = Map.copyOf(objects);
        latest = fleet;
        for (Consumer<Fleet> l : listeners) {
            l.accept(fleet);
        }
    }

    private static void rebuild(ClusterState cs) {
        if (!cs.changedKinds.isEmpty()) {
            for (KindRef k : cs.changedKinds) {
                cs.published.put(k, Map.copyOf(cs.objects.get(k)));
            }
            cs.changedKinds.clear();
            cs.objectSet = ObjectSet.wrap(cs.published);
        }
        cs.stateChanged = false;
        cs.assembled = ClusterAssembler.assemble(
                cs.identity,
                cs.session.reachability(),
                cs.session.kubernetesVersion(),
                cs.objectSet,
                cs.applications.sorted());
        cs.watches = cs.session.watchStates();
    }

    /**
     * The objects of a cluster as of the latest snapshot; empty when unknown. Never waits (the FX
     * thread reads it for the lineage and detail views).
     */
    public ObjectSet objects(String clusterId) {
        return latestObjects.getOrDefault(clusterId, ObjectSet.EMPTY);
    }

    @Override
    public void close() {
        if (ownThreads != null) {
            ownThreads.close();
        }
    }
}
