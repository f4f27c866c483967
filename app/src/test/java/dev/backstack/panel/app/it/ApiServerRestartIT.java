package dev.backstack.panel.app.it;

import static dev.backstack.panel.model.WatchState.State.RECONNECTING;
import static dev.backstack.panel.model.WatchState.State.WATCHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * FAULTS T15 on a real API server: the kube-apiserver process is stopped while the panel watches
 * it, then started again on the same port with the same etcd. The server is running again when the
 * test ends, whatever happened (other ITs share it).
 */
@DisplayName("The API server stopped and restarted while the panel watches it (T15)")
class ApiServerRestartIT {

    static final String NS = "apiserver-restart-it";
    static final Duration OUTAGE_NOTICED = Duration.ofSeconds(15);
    static final Duration RECOVERY = Duration.ofSeconds(60);

    private static RealApiServer server;
    private static KubernetesClient admin;

    @BeforeAll
    static void setUp() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        LiveFixtures.namespace(admin, NS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        server.ensureApiServerRunning();
        admin.genericKubernetesResources(LiveFixtures.APPLICATION)
                .inNamespace(NS)
                .delete();
    }

    @AfterAll
    static void leaveRunning() throws Exception {
        if (server != null) {
            server.ensureApiServerRunning();
        }
    }

    @Test
    @DisplayName("while the server is down the cluster is unreachable and every watch reconnecting; once it is back "
            + "the cluster is reachable, every watch runs again and objects created afterwards reach the model")
    void recoversAfterRestart() throws Exception {
        admin.genericKubernetesResources(LiveFixtures.APPLICATION)
                .inNamespace(NS)
                .resource(LiveFixtures.application(NS, "before-restart"))
                .create();
        try (LiveFleet live = LiveFleet.start("restart", server.config(server.adminToken()))) {
            Set<String> watchedBefore = LiveFleet.expectedWatches(admin);
            live.await(
                    "every watch running",
                    LiveFleet.TIMEOUT,
                    f -> f.hub().reachability().isReachable()
                            && !f.hub().kubernetesVersion().isEmpty()
                            && live.watching(f).containsAll(watchedBefore));
            live.awaitObjects(
                    "the Application created before the restart in the model",
                    LiveFleet.TIMEOUT,
                    o -> o.get(Kinds.APPLICATION, NS + "/before-restart").isPresent());
            try {
                long stopAt = System.nanoTime();
                server.stopApiServer();
                Fleet down = live.await(
                        "the cluster unreachable and every watch reconnecting",
                        OUTAGE_NOTICED,
                        f -> f.hub().reachability().state() == Reachability.State.UNREACHABLE
                                && f.watchesOf(live.id()).stream()
                                        .filter(w -> watchedBefore.contains(w.resource()))
                                        .allMatch(w -> w.state() == RECONNECTING));
                System.err.printf(
                        "ApiServerRestartIT: outage shown %d ms after the API server was stopped%n",
                        (System.nanoTime() - stopAt) / 1_000_000);
                assertThat(down.hub().reachability().message()).isNotBlank();
                assertThat(down.watchesOf(live.id()))
                        .filteredOn(w -> watchedBefore.contains(w.resource()))
                        .allSatisfy(
                                w -> assertThat(w.describe()).startsWith(w.resource() + ": reconnecting (attempt "));

                long startAt = System.nanoTime();
                server.startApiServer();
                long readyAt = System.nanoTime();
                admin.genericKubernetesResources(LiveFixtures.APPLICATION)
                        .inNamespace(NS)
                        .resource(LiveFixtures.application(NS, "after-restart"))
                        .create();

                Fleet back = live.await(
                        "the cluster reachable and every watch running again",
                        RECOVERY,
                        f -> f.hub().reachability().isReachable()
                                && live.watching(f).containsAll(watchedBefore));
                live.awaitObjects(
                        "the Application created after the restart in the model",
                        RECOVERY,
                        o -> o.get(Kinds.APPLICATION, NS + "/after-restart").isPresent());
                System.err.printf(
                        "ApiServerRestartIT: API server ready %d ms after start; panel recovered %d ms after that%n",
                        (readyAt - startAt) / 1_000_000, (System.nanoTime() - readyAt) / 1_000_000);

                assertThat(back.watchesOf(live.id()))
                        .as("watch states after the restart")
                        .allSatisfy(w ->
                                assertThat(w.state()).as(w.describe()).isIn(WATCHING, WatchState.State.NOT_INSTALLED));
                // Recovered for good: no watch falls back to "reconnecting" once the cluster is back.
                int recovered = live.mark();
                live.awaitSteady("every watch still running", RECOVERY, watchedBefore, Duration.ofSeconds(3));
                List<Fleet> after = live.since(recovered);
                for (String resource : watchedBefore) {
                    assertThat(live.states(after, resource))
                            .as("states of the %s watch after the recovery", resource)
                            .doesNotContain(RECONNECTING);
                }
                assertThat(back.hub().kubernetesVersion()).isNotEmpty();
                assertThat(live.objects().inNamespace(Kinds.APPLICATION, NS))
                        .extracting(o -> o.name())
                        .containsExactlyInAnyOrder("before-restart", "after-restart");
                List<String> names = back.hub().applications().stream()
                        .filter(a -> a.namespace().equals(NS))
                        .map(a -> a.name())
                        .toList();
                assertThat(names).doesNotHaveDuplicates();
            } finally {
                server.ensureApiServerRunning();
            }
        }
    }
}
