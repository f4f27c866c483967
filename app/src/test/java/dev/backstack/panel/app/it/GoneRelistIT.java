package dev.backstack.panel.app.it;

import static dev.backstack.panel.app.it.LiveFleet.TIMEOUT;
import static dev.backstack.panel.model.WatchState.State.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.testsupport.TcpProxy;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.impl.cache.Reflector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * FAULTS T10 on a real API server: the panel loses its connection, objects are created, changed,
 * deleted and re-created meanwhile, and etcd compaction (every 5 s on the test server) passes the
 * resourceVersion its informers hold; when the connection is back their watches are answered with
 * 410 Gone and they relist. The panel's connection runs through a TCP proxy that the test takes
 * down; the test's own client goes straight to the server.
 */
@DisplayName(
        "Watches resumed after their resourceVersion was compacted relist, without duplicates or lost deletions (T10)")
class GoneRelistIT {

    static final String NS = "gone-relist-it";
    static final String RESOURCE = "Applications";

    private static RealApiServer server;
    private static KubernetesClient admin;
    private static MixedOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            apps;

    @BeforeAll
    static void setUp() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        LiveFixtures.namespace(admin, NS);
        apps = admin.genericKubernetesResources(LiveFixtures.APPLICATION);
    }

    @AfterEach
    void cleanUp() {
        apps.inNamespace(NS).delete();
        admin.configMaps().inNamespace(NS).withName("churn").delete();
    }

    private static void create(String name) {
        apps.inNamespace(NS).resource(LiveFixtures.application(NS, name)).create();
    }

    private static void delete(String name) {
        apps.inNamespace(NS).withName(name).delete();
    }

    @Test
    @DisplayName("after an outage long enough for compaction, the informer is told 410 Gone, relists, and the model "
            + "holds exactly the server's objects: once each, deletions from the gap gone, re-created ones new")
    void relistsAfterGone() throws Exception {
        for (String name : List.of("keep-1", "keep-2", "keep-3", "gone-1", "gone-2", "gone-3", "recreated")) {
            create(name);
        }
        Map<String, String> seeded = LiveFixtures.serverUids(admin, LiveFixtures.APPLICATION, NS);

        try (TcpProxy proxy = new TcpProxy(server.port())) {
            Config viaProxy = server.config(server.adminToken());
            viaProxy.setMasterUrl("https://127.0.0.1:" + proxy.port());
            try (LiveFleet live = LiveFleet.start("gone-relist", viaProxy)) {
                // Every informer must be past its first list and have its watch open: one still listing
                // when the connection drops retries the list itself and never resumes a watch, so it
                // could not meet 410.
                Set<String> expected = LiveFleet.expectedWatches(admin);
                live.awaitSteady(
                        "the cluster reachable and every watch running", TIMEOUT, expected, Duration.ofMillis(2500));
                live.awaitObjects(
                        "the seeded Applications in the model",
                        TIMEOUT,
                        o -> live.uids(Kinds.APPLICATION, NS).equals(seeded));

                try (CapturedLogs reflector = CapturedLogs.quietly(Reflector.class.getName(), Level.DEBUG)) {
                    proxy.down();
                    // Every informer of the panel stands at or before this version now.
                    String staleRv = apps.inNamespace(NS).list().getMetadata().getResourceVersion();
                    live.await(
                            "the panel noticing the outage",
                            Duration.ofSeconds(20),
                            f -> f.hub().reachability().state() == Reachability.State.UNREACHABLE
                                    && live.state(f, RESOURCE) == RECONNECTING);

                    for (String name : List.of("gone-1", "gone-2", "gone-3")) {
                        delete(name);
                    }
                    for (String name : List.of("new-1", "new-2", "new-3")) {
                        create(name);
                    }
                    delete("recreated");
                    apps.inNamespace(NS)
                            .withName("recreated")
                            .waitUntilCondition(java.util.Objects::isNull, 30, TimeUnit.SECONDS);
                    create("recreated");
                    apps.inNamespace(NS).withName("keep-1").edit(a -> {
                        a.getMetadata().setLabels(Map.of("changed", "in-the-gap"));
                        return a;
                    });
                    admin.configMaps()
                            .inNamespace(NS)
                            .resource(new ConfigMapBuilder()
                                    .withNewMetadata()
                                    .withName("churn")
                                    .endMetadata()
                                    .addToData("n", "0")
                                    .build())
                            .create();
                    for (int i = 1; i <= 50; i++) {
                        churn(i);
                    }
                    long compactedAfter = awaitCompactedPast(staleRv);
                    System.err.printf(
                            "GoneRelistIT: resourceVersion %s compacted %d ms after the gap's writes%n",
                            staleRv, compactedAfter);

                    Map<String, String> onServer = LiveFixtures.serverUids(admin, LiveFixtures.APPLICATION, NS);
                    assertThat(onServer.keySet())
                            .containsExactlyInAnyOrder(
                                    NS + "/keep-1",
                                    NS + "/keep-2",
                                    NS + "/keep-3",
                                    NS + "/new-1",
                                    NS + "/new-2",
                                    NS + "/new-3",
                                    NS + "/recreated");
                    assertThat(onServer.get(NS + "/recreated")).isNotEqualTo(seeded.get(NS + "/recreated"));

                    long upAt = System.nanoTime();
                    proxy.up();

                    live.awaitObjects(
                            "the model holding exactly the server's Applications",
                            Duration.ofSeconds(60),
                            o -> live.uids(Kinds.APPLICATION, NS).equals(onServer));
                    Fleet after = live.await(
                            "the cluster reachable and every watch running again",
                            TIMEOUT,
                            f -> f.hub().reachability().isReachable()
                                    && live.watching(f).containsAll(expected));
                    System.err.printf(
                            "GoneRelistIT: model converged %d ms after the connection came back%n",
                            (System.nanoTime() - upAt) / 1_000_000);

                    List<ApplicationStatus> rows = after.hub().applications().stream()
                            .filter(a -> a.namespace().equals(NS))
                            .toList();
                    assertThat(rows)
                            .extracting(ApplicationStatus::name)
                            .as("Application rows in the model")
                            .doesNotHaveDuplicates()
                            .containsExactlyInAnyOrder(
                                    "keep-1", "keep-2", "keep-3", "new-1", "new-2", "new-3", "recreated");
                    KubeObject keep1 = live.objects()
                            .get(Kinds.APPLICATION, NS + "/keep-1")
                            .orElseThrow();
                    assertThat(keep1.label("changed")).isEqualTo("in-the-gap");

                    List<String> relisted = reflector.lines().stream()
                            .map(CapturedLogs.Line::message)
                            .filter(m -> m.startsWith("Watch restarting due to http gone for "))
                            .toList();
                    System.err.printf("GoneRelistIT: %d informers relisted after 410 Gone%n", relisted.size());
                    assertThat(relisted)
                            .as("fabric8 informers restarting because of 410 Gone")
                            .anySatisfy(m -> assertThat(m).endsWith("/applications"));
                }
            }
        }
    }

    private static void churn(int i) {
        admin.configMaps().inNamespace(NS).withName("churn").edit(c -> {
            c.setData(Map.of("n", Integer.toString(i)));
            return c;
        });
    }

    /**
     * Waits until a plain watch from {@code rv} is refused with 410 Gone, which proves that an
     * informer resuming from it (or from anything older) must relist; keeps writing so the
     * compactor, which compacts to the revision it saw one interval earlier, moves on.
     *
     * @return milliseconds waited
     */
    private static long awaitCompactedPast(String rv) {
        long start = System.nanoTime();
        AtomicInteger n = new AtomicInteger(1000);
        Awaitility.await("resourceVersion " + rv + " compacted (the server compacts every 5 s)")
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (watchGone(rv)) {
                        return true;
                    }
                    churn(n.incrementAndGet());
                    return false;
                });
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Whether a plain watch from {@code rv} is refused with 410 Gone (within 2 s). */
    private static boolean watchGone(String rv) throws Exception {
        CompletableFuture<Boolean> gone = new CompletableFuture<>();
        Watch watch = null;
        try {
            watch = apps.inNamespace(NS)
                    .watch(new ListOptionsBuilder().withResourceVersion(rv).build(), new Watcher<>() {
                        @Override
                        public void eventReceived(Action action, GenericKubernetesResource resource) {
                            // the version is still in etcd: events since then are replayed
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                            gone.complete(cause.isHttpGone());
                        }
                    });
            return gone.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false; // still watchable
        } catch (KubernetesClientException e) {
            if (e.getCode() == 410) {
                return true;
            }
            throw e;
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }
}
