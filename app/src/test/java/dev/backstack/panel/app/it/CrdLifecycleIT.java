package dev.backstack.panel.app.it;

import static dev.backstack.panel.app.it.LiveFleet.TIMEOUT;
import static dev.backstack.panel.model.WatchState.State.FORBIDDEN;
import static dev.backstack.panel.model.WatchState.State.NOT_INSTALLED;
import static dev.backstack.panel.model.WatchState.State.RECONNECTING;
import static dev.backstack.panel.model.WatchState.State.STOPPED;
import static dev.backstack.panel.model.WatchState.State.WATCHING;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * FAULTS T14 on a real API server: a custom kind whose CRD is installed after the panel started,
 * and one whose CRD is deleted while the panel watches it. Uses Argo CD's ApplicationSet, which
 * the engine watches. The tests run in order only to save a CRD round trip (the first leaves the
 * CRD deleted, the second needs it absent); each brings the CRD to the state it needs itself. The
 * CRD is back in place when the class ends (the server is shared).
 */
@DisplayName("A custom kind whose CRD comes and goes while the panel runs (T14)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrdLifecycleIT {

    static final String CRD = "applicationsets.argoproj.io";
    static final String RESOURCE = "ApplicationSets";
    static final String NS = "crd-lifecycle-it";

    private static RealApiServer server;
    private static KubernetesClient admin;

    @BeforeAll
    static void setUp() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        LiveFixtures.namespace(admin, NS);
    }

    @AfterEach
    void cleanUp() {
        if (admin.apiextensions().v1().customResourceDefinitions().withName(CRD).get() != null) {
            admin.genericKubernetesResources(LiveFixtures.APPLICATION_SET)
                    .inNamespace(NS)
                    .delete();
        }
    }

    @AfterAll
    static void restore() throws Exception {
        if (admin != null) {
            ensureInstalled();
        }
    }

    /** Removes the CRD unless it is gone already. */
    static void ensureAbsent() {
        if (admin.apiextensions().v1().customResourceDefinitions().withName(CRD).get() != null) {
            Crds.delete(admin, CRD);
        }
    }

    /** Puts the upstream CRD back, Established, unless it is there already. */
    static void ensureInstalled() throws Exception {
        var ref = admin.apiextensions().v1().customResourceDefinitions().withName(CRD);
        CustomResourceDefinition crd = ref.get();
        if (crd != null && crd.getMetadata().getDeletionTimestamp() != null) {
            ref.waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
            crd = null;
        }
        if (crd == null || !RealApiServer.established(crd)) {
            Crds.register(admin, Crds.upstream(admin, CRD));
        }
    }

    private static boolean othersWatching(LiveFleet live, Fleet f) {
        return f.watchesOf(live.id()).stream()
                .filter(w -> !w.resource().equals(RESOURCE))
                .allMatch(w -> w.state() == WATCHING);
    }

    @Test
    @Order(2)
    @DisplayName("a CRD installed after the panel started: its watch goes from 'not installed' to watching "
            + "and objects of the kind reach the model")
    void crdInstalledLater() throws Exception {
        ensureAbsent();
        try (LiveFleet live = LiveFleet.start("crd-later", server.config(server.adminToken()));
                CapturedLogs logs = CapturedLogs.root()) {
            Fleet before = live.await(
                    "ApplicationSets not installed while every other watch runs",
                    TIMEOUT,
                    f -> f.hub().reachability().isReachable()
                            && live.state(f, RESOURCE) == NOT_INSTALLED
                            && othersWatching(live, f));
            assertThat(live.watch(before, RESOURCE).orElseThrow().describe())
                    .isEqualTo("ApplicationSets: not installed");
            assertThat(live.objects().all(Kinds.APPLICATION_SET)).isEmpty();

            Crds.register(admin, Crds.upstream(admin, CRD));
            admin.genericKubernetesResources(LiveFixtures.APPLICATION_SET)
                    .inNamespace(NS)
                    .resource(LiveFixtures.applicationSet(NS, "installed-later"))
                    .create();

            live.await("the ApplicationSets watch running", TIMEOUT, f -> live.state(f, RESOURCE) == WATCHING);
            live.awaitObjects(
                    "ApplicationSet " + NS + "/installed-later in the model",
                    TIMEOUT,
                    o -> o.get(Kinds.APPLICATION_SET, NS + "/installed-later").isPresent());

            List<WatchState.State> states = live.states(live.since(0), RESOURCE);
            // Nothing failed or was retried: not even one "reconnecting" on the way.
            assertThat(states)
                    .as("states of the ApplicationSets watch")
                    .containsSubsequence(NOT_INSTALLED, WATCHING)
                    .doesNotContain(RECONNECTING, FORBIDDEN, STOPPED);
            assertThat(logs.lines())
                    .as("retries logged for the ApplicationSets watch")
                    .filteredOn(l -> l.logger().endsWith("WatchTracker") && l.mentions("ApplicationSets"))
                    .isEmpty();
            assertThat(logs.lines())
                    .as("log lines about ApplicationSets at WARN or above")
                    .filteredOn(l -> l.level().isGreaterOrEqual(Level.WARN) && l.mentions("applicationsets"))
                    .isEmpty();
        }
    }

    @Test
    @Order(1)
    @DisplayName("a CRD deleted while watched: the watch says 'not installed', its objects leave the model, "
            + "and nothing retries or logs errors")
    void crdDeletedWhileWatched() throws Exception {
        ensureInstalled();
        admin.genericKubernetesResources(LiveFixtures.APPLICATION_SET)
                .inNamespace(NS)
                .resource(LiveFixtures.applicationSet(NS, "doomed"))
                .create();
        try (LiveFleet live = LiveFleet.start("crd-removed", server.config(server.adminToken()))) {
            Set<String> expected = LiveFleet.expectedWatches(admin);
            live.await(
                    "every watch running",
                    TIMEOUT,
                    f -> f.hub().reachability().isReachable()
                            && live.watching(f).containsAll(expected));
            live.awaitObjects(
                    "ApplicationSet " + NS + "/doomed in the model",
                    TIMEOUT,
                    o -> o.get(Kinds.APPLICATION_SET, NS + "/doomed").isPresent());

            int mark = live.mark();
            try (CapturedLogs logs = CapturedLogs.root()) {
                Crds.delete(admin, CRD);
                Fleet gone = live.await(
                        "the ApplicationSets watch not installed",
                        TIMEOUT,
                        f -> live.state(f, RESOURCE) == NOT_INSTALLED);
                assertThat(live.watch(gone, RESOURCE).orElseThrow().describe())
                        .isEqualTo("ApplicationSets: not installed");
                live.awaitObjects(
                        "no ApplicationSet left in the model",
                        TIMEOUT,
                        o -> o.all(Kinds.APPLICATION_SET).isEmpty());
                // A few watch checks (1 s each) later, a retry loop or a late error would show.
                live.awaitSteadily(
                        "the ApplicationSets watch staying not installed",
                        Duration.ofSeconds(3),
                        TIMEOUT,
                        f -> live.state(f, RESOURCE) == NOT_INSTALLED);
                List<Fleet> during = live.since(mark);
                assertThat(live.states(during, RESOURCE))
                        .as("states of the ApplicationSets watch after the delete")
                        .doesNotContain(RECONNECTING, FORBIDDEN, STOPPED)
                        .endsWith(NOT_INSTALLED);
                assertThat(during)
                        .as("every other watch kept running and the cluster stayed reachable")
                        .allSatisfy(f -> {
                            assertThat(f.hub().reachability()).isEqualTo(Reachability.REACHABLE);
                            assertThat(othersWatching(live, f))
                                    .as(live.describe(f))
                                    .isTrue();
                        });
                assertThat(logs.lines())
                        .as("log lines about ApplicationSets at WARN or above")
                        .filteredOn(l -> l.level().isGreaterOrEqual(Level.WARN) && l.mentions("applicationsets"))
                        .isEmpty();
                assertThat(logs.lines())
                        .as("retries logged for the ApplicationSets watch")
                        .filteredOn(l -> l.logger().endsWith("WatchTracker") && l.mentions("ApplicationSets"))
                        .isEmpty();
            }
        }
    }
}
