package dev.backstack.panel.app.it;

import dev.backstack.panel.app.StatusReport;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.live.KindSpec;
import dev.backstack.panel.installer.live.WatchCatalog;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The panel's live status engine as the app runs it, on one cluster: a {@link FleetService}
 * (coalescing every 50 ms) with its own client, plus every snapshot it published, so a test can
 * ask both "what does the model say now" and "what did it ever say".
 */
final class LiveFleet implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String clusterId;
    private final KubernetesClient client;
    private final FleetService service;
    private final List<Fleet> history = new CopyOnWriteArrayList<>();

    private LiveFleet(String clusterId, Config config) {
        this.clusterId = clusterId;
        this.client = new KubernetesClientBuilder().withConfig(config).build();
        this.service = FleetService.watching(List.of(), 50);
        service.addListener(history::add);
        service.add(new FleetService.Target(
                clusterId, clusterId, ClusterRole.HUB, config.getMasterUrl(), Set.of("integration test"), client));
    }

    /** Starts watching the cluster the configuration points at, as the hub {@code clusterId}. */
    static LiveFleet start(String clusterId, Config config) {
        return new LiveFleet(clusterId, config);
    }

    String id() {
        return clusterId;
    }

    FleetService service() {
        return service;
    }

    Fleet latest() {
        return service.latest();
    }

    ObjectSet objects() {
        return service.objects(clusterId);
    }

    /** The model's objects of one kind in one namespace, key to uid. */
    Map<String, String> uids(KindRef kind, String namespace) {
        return objects().inNamespace(kind, namespace).stream()
                .collect(Collectors.toMap(KubeObject::key, KubeObject::uid, (a, b) -> a + "," + b, TreeMap::new));
    }

    /** The state of the watch whose resource reads {@code resource} ("Deployments", "Pods in argocd"). */
    static Optional<WatchState> watch(Fleet fleet, String clusterId, String resource) {
        return fleet.watchesOf(clusterId).stream()
                .filter(w -> w.resource().equals(resource))
                .findFirst();
    }

    Optional<WatchState> watch(Fleet fleet, String resource) {
        return watch(fleet, clusterId, resource);
    }

    WatchState.State state(Fleet fleet, String resource) {
        return watch(fleet, resource).map(WatchState::state).orElse(null);
    }

    /** A position in the history of snapshots, for {@link #since(int)}. */
    int mark() {
        return history.size();
    }

    List<Fleet> since(int mark) {
        List<Fleet> all = List.copyOf(history);
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** Every state one watch went through in the given snapshots, consecutive repeats collapsed. */
    List<WatchState.State> states(List<Fleet> snapshots, String resource) {
        List<WatchState.State> out = new ArrayList<>();
        for (Fleet f : snapshots) {
            WatchState.State s = state(f, resource);
            if (s != null && (out.isEmpty() || out.get(out.size() - 1) != s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * What the engine should watch on the server the admin client talks to: every built-in kind,
     * and each custom kind whose CRD is Established there.
     */
    static Set<String> expectedWatches(KubernetesClient admin) {
        Set<String> out = new java.util.TreeSet<>();
        WatchCatalog.builtIns().forEach(k -> out.add(k.describe()));
        for (KindSpec k : WatchCatalog.customs()) {
            if (RealApiServer.established(admin.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(k.crdName())
                    .get())) {
                out.add(k.describe());
            }
        }
        return out;
    }

    /** The resources whose watch runs in the snapshot. */
    Set<String> watching(Fleet fleet) {
        return fleet.watchesOf(clusterId).stream()
                .filter(w -> w.state() == WatchState.State.WATCHING)
                .map(WatchState::resource)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Every distinct state one watch showed in the given snapshots, in order, consecutive repeats collapsed. */
    List<WatchState> history(List<Fleet> snapshots, String resource) {
        List<WatchState> out = new ArrayList<>();
        for (Fleet f : snapshots) {
            watch(f, resource).ifPresent(w -> {
                WatchState last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last == null
                        || last.state() != w.state()
                        || last.attempt() != w.attempt()
                        || !last.message().equals(w.message())) {
                    out.add(w);
                }
            });
        }
        return out;
    }

    /**
     * Waits until the cluster is reachable and every expected watch runs, and has kept running for
     * {@code steady}, so a test that asserts on what happens next starts from a settled model.
     */
    Fleet awaitSteady(String what, Duration timeout, Set<String> expected, Duration steady) {
        return awaitSteadily(
                what + " (expected watching " + expected + ")",
                steady,
                timeout,
                f -> f.hub().reachability().isReachable() && watching(f).containsAll(expected));
    }

    /** Waits until the condition has held on every snapshot for {@code steady} on end. */
    Fleet awaitSteadily(String what, Duration steady, Duration timeout, Predicate<Fleet> condition) {
        until(
                what + ", steadily for " + steady,
                timeout,
                Awaitility.await(what).during(steady).pollInterval(Duration.ofMillis(50)),
                service::latest,
                condition);
        return service.latest();
    }

    /** Waits until the latest snapshot satisfies the condition; fails with the model's state otherwise. */
    Fleet await(String what, Duration timeout, Predicate<Fleet> condition) {
        return until(
                what, timeout, Awaitility.await(what).pollInterval(Duration.ofMillis(50)), service::latest, condition);
    }

    /** Waits until the model's raw objects satisfy the condition. */
    ObjectSet awaitObjects(String what, Duration timeout, Predicate<ObjectSet> condition) {
        return until(
                what, timeout, Awaitility.await(what).pollInterval(Duration.ofMillis(100)), this::objects, condition);
    }

    /** The one wait behind the three above: at once, then every poll, failing with the model's state. */
    private <T> T until(
            String what,
            Duration timeout,
            org.awaitility.core.ConditionFactory wait,
            java.util.concurrent.Callable<T> value,
            Predicate<? super T> condition) {
        try {
            return wait.atMost(timeout).pollDelay(Duration.ZERO).until(value, condition::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    String.format(
                            "timed out after %s waiting until %s; the model says:%n%s",
                            timeout, what, describe(service.latest())),
                    e);
        }
    }

    /** The status table and every watch state, for failure messages. */
    String describe(Fleet f) {
        StringBuilder sb = new StringBuilder(StatusReport.table(f));
        sb.append("REACHABILITY ").append(f.hub().reachability()).append('\n');
        for (WatchState w : f.watchesOf(clusterId)) {
            sb.append("  ").append(w.describe()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        service.close();
        client.close();
    }
}
