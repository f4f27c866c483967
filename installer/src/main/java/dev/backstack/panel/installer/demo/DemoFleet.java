package dev.backstack.panel.installer.demo;

import dev.backstack.panel.installer.helm.HelmDriver;
import dev.backstack.panel.installer.helm.KubeAccess;
import dev.backstack.panel.model.ClusterRole;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in simulated fleet: a hub and three spokes, each an in-process mock API server on
 * loopback, seeded as a BACK Stack installation, with simulated controllers moving statuses.
 * The panel connects to these servers through the same engine as to real clusters.
 *
 * <p>Besides the fleet there is an {@linkplain #installTarget() install target}: one more
 * simulated cluster, empty, for the install wizard, with a {@linkplain #helm() simulated Helm}
 * and simulated controllers (Crossplane, provider-helm, Deployments) that react to what the
 * wizard creates. It is not among the {@link #members()}, and its server starts on first use.
 */
public final class DemoFleet implements AutoCloseable {

    /** One simulated cluster as the engine sees it. */
    public record Member(String name, ClusterRole role, String server, KubernetesClient client) {}

    /** The name of the empty simulated cluster the install wizard installs into. */
    public static final String INSTALL_TARGET = "empty-cluster";

    private final DemoFleetSpec spec;
    private final DemoCluster hub;
    private final DemoCluster target;
    private final DemoHelmDriver helm;
    private final InstallTargetControllers targetControllers;
    private final Map<String, DemoCluster> spokes = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;
    private final AtomicInteger clock = new AtomicInteger();
    private DemoControllers controllers;
    private DemoSpokeRequests spokeRequests;

    private DemoFleet(long tickMillis) {
        spec = DemoFleetSpec.load();
        int reconnect = reconnectMillis(tickMillis);
        hub = new DemoCluster(spec.hub().name(), spec.hub().kubernetesVersion(), reconnect);
        for (DemoFleetSpec.Spoke s : spec.spokes()) {
            spokes.put(s.name(), new DemoCluster(s.name(), s.kubernetesVersion(), reconnect));
        }
        target = new DemoCluster(INSTALL_TARGET, spec.hub().kubernetesVersion(), reconnect);
        target.inject(InstallTargetControllers.helmProviderConfigWebhookNotReady());
        DemoWriter targetWriter = new DemoWriter(target.client());
        helm = new DemoHelmDriver(INSTALL_TARGET, targetWriter);
        targetControllers = new InstallTargetControllers(targetWriter, spec);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-controllers");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the servers, seeds them and starts the controllers, one pass every
     * {@code tickMillis} (1000 for the app; tests go faster).
     */
    public static DemoFleet start(long tickMillis) {
        DemoFleet fleet = new DemoFleet(tickMillis);
        fleet.boot(tickMillis);
        return fleet;
    }

    private void boot(long tickMillis) {
        // The servers start and are seeded on threads of the demo's own, one per cluster (the
        // common pool has one thread on a two-core machine, and it is not ours to block).
        java.util.concurrent.ExecutorService boot =
                java.util.concurrent.Executors.newFixedThreadPool(spec.spokes().size() + 1, r -> {
                    Thread t = new Thread(r, "demo-boot");
                    t.setDaemon(true);
                    return t;
                });
        try {
            boot(tickMillis, boot);
        } finally {
            boot.shutdown();
        }
    }

    private void boot(long tickMillis, java.util.concurrent.Executor boot) {
        // The install target is started on first use (installTarget(), helm(), client(name)):
        // the fleet's own views and the headless commands never need it, and each simulated
        // server costs a 2048-bit RSA key for its TLS certificate.
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        starting.add(CompletableFuture.runAsync(hub::start, boot));
        for (DemoFleetSpec.Spoke s : spec.spokes()) {
            if (!"provisioning".equals(s.story())) {
                starting.add(CompletableFuture.runAsync(spokes.get(s.name())::start, boot));
            }
        }
        starting.forEach(CompletableFuture::join);
        Map<String, String> servers = new LinkedHashMap<>();
        spokes.forEach((name, c) -> servers.put(name, c.url()));
        DemoWriter hubWriter = new DemoWriter(hub.client());
        Map<String, DemoWriter> spokeWriters = new LinkedHashMap<>();
        // Each cluster is seeded on its own thread: the clusters are independent, and seeding
        // one is a few hundred sequential round trips.
        List<CompletableFuture<Void>> seeding = new ArrayList<>();
        seeding.add(CompletableFuture.runAsync(() -> seed(hubWriter, DemoSeed.hub(spec, servers)), boot));
        for (DemoFleetSpec.Spoke s : spec.spokes()) {
            DemoWriter w = new DemoWriter(spokes.get(s.name()).client());
            spokeWriters.put(s.name(), w);
            if (spokes.get(s.name()).isUp()) {
                seeding.add(CompletableFuture.runAsync(() -> seed(w, DemoSeed.spoke(s)), boot));
            }
        }
        seeding.forEach(CompletableFuture::join);
        controllers = new DemoControllers(spec, hubWriter, spokeWriters, spokes);
        spokeRequests =
                new DemoSpokeRequests(hubWriter, spokes.keySet(), spec.hub().kubernetesVersion());
        spokeRequests.seedGuardrails();
        // At a fixed rate: a pass that takes longer than a tick (a hundred-odd round trips on a
        // busy machine) is followed at once by the next, instead of a further tick's pause.
        // The clock counts passes completed, so a settled story has written all it will write.
        ticker.scheduleAtFixedRate(
                () -> {
                    int t = clock.get();
                    controllers.tick(t);
                    if (target.isUp()) {
                        targetControllers.tick(t);
                    }
                    spokeRequests.tick(t);
                    clock.incrementAndGet();
                },
                0,
                tickMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The simulated clusters' watch reconnect interval: half a tick, at most 500 ms. It is the
     * base of fabric8's retry backoff (doubled per failed attempt, up to 32 times the base), so
     * it runs as much faster as the story does: spoke-3 refuses connections until it is
     * provisioned, and with a fixed 500 ms base the panel's next retry could come up to 16 s
     * after the server is up, which at ten times the speed is 160 simulated seconds late.
     */
    static int reconnectMillis(long tickMillis) {
        return (int) Math.max(50, Math.min(500, tickMillis / 2));
    }

    static void seed(DemoWriter w, List<GenericKubernetesResource> objects) {
        DemoSeed.crds().forEach(w::create);
        objects.forEach(w::create);
    }

    public List<Member> members() {
        List<Member> out = new ArrayList<>();
        out.add(new Member(hub.name(), ClusterRole.HUB, hub.url(), hub.client()));
        spokes.forEach((name, c) -> out.add(new Member(name, ClusterRole.SPOKE, c.url(), c.client())));
        out.addAll(spokeRequests.members());
        return out;
    }

    /**
     * The empty simulated cluster the install wizard installs into, named {@value #INSTALL_TARGET}
     * with the role of a hub. Its API server speaks server-side apply and dry runs and treats its
     * user as a cluster admin. Not one of the {@link #members()}.
     */
    public Member installTarget() {
        target.start();
        return new Member(target.name(), ClusterRole.HUB, target.url(), target.client());
    }

    /** The install target's address, without starting it (tests). */
    String installTargetUrlForTest() {
        return target.url();
    }

    /** The simulated Helm that installs into the {@linkplain #installTarget() install target}. */
    public HelmDriver helm() {
        target.start();
        return helm;
    }

    /**
     * A kubeconfig for the install target (no credentials: the simulated server accepts anyone),
     * for code that hands Helm a {@link KubeAccess}; the simulated Helm does not read it.
     */
    public KubeAccess installTargetAccess() {
        target.start();
        String n = target.name();
        return new KubeAccess(
                n,
                "apiVersion: v1\nkind: Config\nclusters:\n- name: " + n + "\n  cluster:\n    server: "
                        + target.url()
                        + "\n    insecure-skip-tls-verify: true\nusers:\n- name: demo\n  user: {}\ncontexts:\n- name: "
                        + n + "\n  context:\n    cluster: " + n + "\n    user: demo\ncurrent-context: " + n + "\n");
    }

    /** The client of one simulated cluster, to make changes in it (tests, workshops). */
    public KubernetesClient client(String clusterName) {
        return cluster(clusterName).client();
    }

    private DemoCluster cluster(String name) {
        if (name.equals(hub.name())) {
            return hub;
        }
        if (name.equals(target.name())) {
            target.start();
            return target;
        }
        return spokes.containsKey(name) ? spokes.get(name) : spokeRequests.cluster(name);
    }

    /**
     * Calls {@code listener} with each spoke the simulation brings up after a user requested it
     * (a claim the fleet description does not have, such as {@code spoke-4}), once it serves.
     */
    public void onNewSpoke(java.util.function.Consumer<Member> listener) {
        spokeRequests.onNewSpoke(listener);
    }

    /** Simulated seconds after which the story is in its steady state (spoke-3 up and ready). */
    public static final int SETTLED_TICKS = DemoControllers.SPOKE3_UP_AT + 8;

    /** Waits until the story reached its steady state, at most {@code timeoutMillis}; true when it did. */
    public boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (elapsedTicks() < SETTLED_TICKS) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Seconds of simulated time so far: the controllers' passes completed. */
    public int elapsedTicks() {
        return clock.get();
    }

    /** Stops one simulated API server (it can be started again), to show an outage. */
    public void stopServer(String clusterName) {
        cluster(clusterName).stop();
    }

    public void startServer(String clusterName) {
        cluster(clusterName).start();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        hub.close();
        spokes.values().forEach(DemoCluster::close);
        spokeRequests.close();
        target.close();
    }
}
