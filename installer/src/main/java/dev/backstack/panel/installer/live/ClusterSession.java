package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live view of one cluster: one informer per watched kind (and namespace), started at once
 * for built-in kinds and, for custom kinds, while their CRD is Established. Informer events only
 * mark keys in the {@link Sink}; the sink re-reads the latest object with {@link #lookup}.
 * Thread-safe; informer callbacks arrive on fabric8's threads. Does not own the client.
 */
public final class ClusterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);
    private static final long LIST_PAGE = 500;
    private static final long WATCH_CHECK_MILLIS = 1000;
    private static final long RESTART_MILLIS = 5_000;
    private static final long DEFAULT_RECONNECT_MILLIS = 1_000;
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Ingress");

    /** Where a session reports; every method must return quickly. */
    public interface Sink {
        void mark(ClusterSession session, KindSpec spec, String key);

        void dropKind(ClusterSession session, KindSpec spec);

        void stateChanged(ClusterSession session);
    }

    private record Running(SharedIndexInformer<GenericKubernetesResource> informer, WatchTracker tracker) {}

    private final String clusterId;
    private final KubernetesClient client;
    private final Sink sink;
    private final LongSupplier clock;
    private final GateOpening gate;
    private final LiveThreads threads;
    /** Threads made for this session alone (when none were given), stopped with it. */
    private final LiveThreads ownThreads;

    private final Map<String, KindSpec> customsByCrd;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, WatchTracker> idle = new ConcurrentHashMap<>();
    private final Set<String> componentNamespaces = Set.copyOf(ComponentKind.allNamespaces());
    private volatile SharedIndexInformer<CustomResourceDefinition> crdInformer;
    private volatile String version = "";
    private volatile String versionError = "";
    private volatile boolean crdsRefused;
    private volatile boolean closed;
    private volatile java.util.concurrent.ScheduledFuture<?> checking;
    private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();

    /** A session with threads of its own (tests, tools); a fleet passes its {@link LiveThreads}. */
    public ClusterSession(String clusterId, KubernetesClient client, Sink sink, LongSupplier clock) {
        this(clusterId, client, sink, clock, SessionGate.OPEN, null);
    }

    /**
     * A session that starts watching only once its gate opens; {@code client} may be null for a
     * refused gate. {@code threads} are the fleet's (null: the session makes and stops its own).
     */
    public ClusterSession(
            String clusterId,
            KubernetesClient client,
            Sink sink,
            LongSupplier clock,
            SessionGate gate,
            LiveThreads threads) {
        this.clusterId = clusterId;
        this.ownThreads = threads == null ? new LiveThreads() : null;
        this.threads = threads == null ? ownThreads : threads;
        this.gate = new GateOpening(gate, clusterId, this.threads, () -> sink.stateChanged(this), () -> closed);
        this.client = client;
        this.sink = sink;
        this.clock = clock;
        this.customsByCrd = WatchCatalog.customs().stream().collect(Collectors.toMap(KindSpec::crdName, k -> k));
        for (KindSpec custom : WatchCatalog.customs()) {
            WatchTracker t = tracker(custom);
            t.markNotInstalled();
            idle.put(custom.id(), t);
        }
    }

    public String clusterId() {
        return clusterId;
    }

    /**
     * Looks at each informer's own watch flag once a second: fabric8 re-establishes a dropped
     * watch without telling the informer, so a lost connection is only visible there. While any
     * watch is lost, the server version is re-read to tell an outage from a single broken watch.
     * Local state only; nothing is polled from the API server while all is well.
     */
    private void checkWatches() {
        boolean anyLost = false;
        for (Running r : running.values()) {
            WatchTracker t = r.tracker();
            if (r.informer().hasSynced() && !r.informer().isWatching()) {
                t.watchLost();
            } else if (r.informer().isWatching()) {
                t.watchRestored();
            }
            anyLost |= t.isLost();
        }
        if (anyLost) {
            refreshVersion();
        }
    }

    /**
     * Starts every watch without blocking; results arrive through the sink. Behind a gate, the
     * watches start on a thread of their own once the credential is at hand ({@link GateOpening}).
     */
    public void start() {
        gate.start(() -> {
            synchronized (this) {
                if (!closed) {
                    startWatches();
                }
            }
        });
    }

    private void startWatches() {
        checking = threads.every(this::checkWatches, WATCH_CHECK_MILLIS);
        refreshVersion();
        for (KindSpec spec : WatchCatalog.builtIns()) {
            startInformer(spec);
        }
        startCrdInformer();
    }

    /**
     * The CRD watch that starts and stops the custom kinds' informers. A credential that fails
     * after the gate opened throws on this thread (fabric8 asks for the token while it builds the
     * request): the built-in watches report it, and this one is started again after a pause.
     */
    private void startCrdInformer() {
        SharedIndexInformer<CustomResourceDefinition> previous = crdInformer;
        if (closed) {
            return;
        }
        try {
            if (previous != null) {
                previous.stop();
            }
            crdInformer = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .runnableInformer(0)
                    .itemStore(new CrdStore(customsByCrd.keySet()));
            // fabric8 calls the handler on the informer's thread; the informers start and stop on ours
            crdInformer.addEventHandler(
                    new CrdWatcher(crd -> onControl(() -> crdChanged(crd)), crd -> onControl(() -> crdRemoved(crd))));
            crdInformer.exceptionHandler(this::crdWatchFailed);
            crdInformer.start();
        } catch (RuntimeException e) {
            LOG.debug("CRD watch on {} did not start: {}", clusterId, e.getMessage());
            threads.later(this::startCrdInformerIfOpen, RESTART_MILLIS);
        }
    }

    private void startCrdInformerIfOpen() {
        synchronized (this) {
            if (!closed) {
                startCrdInformer();
            }
        }
    }

    /** Runs a change of the running informers on the control thread, unless the session is closed by then. */
    private void onControl(Runnable change) {
        threads.control(() -> {
            synchronized (this) {
                if (!closed) {
                    change.run();
                }
            }
        });
    }

    /** Retried while open; a denied or unauthorised list of CRDs is not waited for by {@link #awaitSynced}. */
    private boolean crdWatchFailed(boolean started, Throwable t) {
        int code = WatchTracker.statusCode(t);
        crdsRefused = code == java.net.HttpURLConnection.HTTP_FORBIDDEN
                || code == java.net.HttpURLConnection.HTTP_UNAUTHORIZED;
        return !closed;
    }

    private void probeVersion() {
        try {
            if (closed) {
                return;
            }
            VersionInfo info = client.getKubernetesVersion();
            version = info == null || info.getGitVersion() == null ? "" : info.getGitVersion();
            versionError = "";
        } catch (RuntimeException e) {
            int code = WatchTracker.statusCode(e);
            // An HTTP status means the server answered (a 401 or 403 on /version): not an outage.
            versionError = code > 0 ? "" : WatchTracker.describe(e, code);
        }
        probing.set(false);
        if (!closed) {
            sink.stateChanged(this);
        }
    }

    void crdChanged(CustomResourceDefinition crd) {
        KindSpec spec = customsByCrd.get(crd.getMetadata().getName());
        if (spec == null || closed) {
            return;
        }
        boolean established = crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
        String servedVersion = crd.getSpec().getVersions().stream()
                .filter(v -> Boolean.TRUE.equals(v.getStorage()))
                .findFirst()
                .or(() -> crd.getSpec().getVersions().stream().findFirst())
                .map(v -> v.getName())
                .orElse("");
        Running current = running.get(spec.id());
        if (!established) {
            return;
        }
        if (current != null && current.tracker().spec().version().equals(servedVersion)) {
            return;
        }
        if (current != null) {
            stopInformer(spec, false);
        }
        startInformer(spec.withVersion(servedVersion));
    }

    void crdRemoved(CustomResourceDefinition crd) {
        KindSpec spec = customsByCrd.get(crd.getMetadata().getName());
        if (spec != null && !closed) {
            stopInformer(spec, true);
        }
    }

    private void startInformer(KindSpec spec) {
        WatchTracker tracker = tracker(spec);
        var op = client.genericKubernetesResources(spec.context());
        var scoped = !spec.namespaced()
                ? op
                : spec.namespace() == null ? op.inAnyNamespace() : op.inNamespace(spec.namespace());
        var filtered = spec.labelSelector() == null ? scoped : scoped.withLabelSelector(spec.labelSelector());
        SharedIndexInformer<GenericKubernetesResource> informer =
                filtered.withLimit(LIST_PAGE).runnableInformer(0);
        informer.exceptionHandler(tracker);
        informer.addEventHandler(tracker);
        idle.remove(spec.id());
        running.put(spec.id(), new Running(informer, tracker));
        try {
            informer.start();
        } catch (RuntimeException e) {
            // Thrown on this thread before any request left (a credential plugin that fails): the
            // informer will not retry by itself, so it is started again after a pause.
            tracker.retryAfterException(false, e);
            threads.later(() -> restartInformer(spec.id(), informer), RESTART_MILLIS);
        }
        sink.stateChanged(this);
    }

    private synchronized void restartInformer(String id, SharedIndexInformer<GenericKubernetesResource> failed) {
        Running r = running.get(id);
        if (closed || r == null || r.informer() != failed) {
            return;
        }
        running.remove(id);
        failed.stop();
        startInformer(r.tracker().spec());
    }

    private void stopInformer(KindSpec spec, boolean uninstalled) {
        Running r = running.remove(spec.id());
        if (r == null) {
            return;
        }
        r.informer().stop();
        if (uninstalled) {
            r.tracker().markNotInstalled();
            idle.put(spec.id(), r.tracker());
            LOG.info("{} on {}: CRD removed, watch stopped", spec.describe(), clusterId);
        }
        sink.dropKind(this, spec);
    }

    private WatchTracker tracker(KindSpec spec) {
        return new WatchTracker(
                this,
                spec,
                sink,
                clock,
                client == null
                        ? DEFAULT_RECONNECT_MILLIS
                        : client.getConfiguration().getWatchReconnectInterval());
    }

    /** A watch's state changed (its tracker says so): re-read the version if it failed, and tell the sink. */
    void watchStateChanged() {
        if (version.isEmpty() && !versionError.isEmpty()) {
            refreshVersion();
        }
        sink.stateChanged(this);
    }

    /**
     * The latest object for a key, from the informer's cache; empty when it is gone or outside
     * the component namespaces.
     */
    public Optional<KubeObject> lookup(KindSpec spec, String key) {
        Running r = running.get(spec.id());
        if (r == null) {
            return Optional.empty();
        }
        GenericKubernetesResource obj = r.informer().getStore().getByKey(key);
        if (obj == null
                || (WORKLOAD_KINDS.contains(spec.kind())
                        && !componentNamespaces.contains(obj.getMetadata().getNamespace()))) {
            return Optional.empty();
        }
        return Optional.of(KubeObjects.from(obj));
    }

    /** Every object currently cached for a watch (used after a restart of the store). */
    public List<String> keys(KindSpec spec) {
        Running r = running.get(spec.id());
        return r == null ? List.of() : r.informer().getStore().listKeys();
    }

    public List<WatchState> watchStates() {
        List<WatchState> out = new ArrayList<>();
        running.values().forEach(r -> out.add(r.tracker().state()));
        idle.values().forEach(t -> out.add(t.state()));
        out.sort(java.util.Comparator.comparing(WatchState::resource));
        return out;
    }

    public String kubernetesVersion() {
        return version;
    }

    /**
     * Unreachable while any watch fails to reach the API server at all (a refused or timed-out
     * connection is a cluster-wide fact, even if an older watch socket has not noticed yet);
     * reachable once any watch lists; connecting before that.
     */
    public Reachability reachability() {
        Reachability shut = gate.shut();
        if (shut != null) {
            return shut;
        }
        List<WatchTracker> active =
                running.values().stream().map(Running::tracker).toList();
        Optional<WatchTracker> down =
                active.stream().filter(WatchTracker::connectionFailure).findFirst();
        if (down.isPresent()) {
            return Reachability.unreachable(down.get().state().message());
        }
        if (!active.isEmpty() && active.stream().allMatch(WatchTracker::unauthorized)) {
            return Reachability.notConnected("the API server refuses the credentials (401 Unauthorized) for every"
                    + " request: the token or certificate has expired or is wrong; log in again or refresh the"
                    + " kubeconfig, then reload it");
        }
        if (!active.isEmpty() && active.stream().allMatch(t -> t.state().state() == WatchState.State.FORBIDDEN)) {
            return Reachability.notConnected("the API server answers, but denies this user every list (403 Forbidden):"
                    + " the panel can show nothing; use a context with a role that can read the cluster");
        }
        if (!versionError.isEmpty() && active.stream().anyMatch(WatchTracker::isLost)) {
            return Reachability.unreachable(versionError);
        }
        if (active.stream().anyMatch(t -> t.state().state() == WatchState.State.WATCHING)) {
            return Reachability.REACHABLE;
        }
        if (!versionError.isEmpty()) {
            return Reachability.unreachable(versionError);
        }
        return Reachability.CONNECTING;
    }

    /** Re-reads the server version, for example after reconnecting. */
    public void refreshVersion() {
        if (probing.compareAndSet(false, true)) {
            threads.blocking(this::probeVersion);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (checking != null) {
            checking.cancel(false);
        }
        SharedIndexInformer<CustomResourceDefinition> crds = crdInformer;
        if (crds != null) {
            crds.stop();
        }
        running.values().forEach(r -> r.informer().stop());
        running.clear();
        if (ownThreads != null) {
            ownThreads.close();
        }
    }

    /**
     * Waits until every running informer has listed once, or the timeout passes (tests, benchmarks,
     * the headless status). A session still waiting for its credential has not listed; one that
     * cannot be used has nothing to wait for.
     */
    public boolean awaitSynced(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            Reachability shut = gate.shut();
            if (shut != null && shut.state() == Reachability.State.NOT_CONNECTED) {
                return true;
            }
            if (shut == null
                    && running.values().stream()
                            .allMatch(
                                    r -> r.informer().hasSynced() || r.tracker().settled())
                    && (crdInformer == null || crdInformer.hasSynced() || crdsRefused)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
