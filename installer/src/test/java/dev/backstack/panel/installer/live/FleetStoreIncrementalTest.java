package dev.backstack.panel.installer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store rebuilds only what a change touched: one Application changed on the hub is derived
 * again, every other Application keeps its status instance, and a spoke with no change keeps
 * its components (so the views can tell what changed by identity, without deep comparisons).
 */
class FleetStoreIncrementalTest {

    /** The demo's controllers wait an hour between ticks: nothing moves but what the test writes. */
    private static final long STILL = 3_600_000;

    private FleetService fleet;

    @BeforeEach
    void start() {
        fleet = FleetService.demo(STILL, 50);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void oneChangedApplicationIsTheOnlyOneDerivedAgain() throws Exception {
        assertThat(fleet.awaitSynced(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Fleet before = quiet();
        ApplicationStatus target = before.hub().applications().get(0);
        KubernetesClient hub =
                fleet.demoFleet().orElseThrow().client(before.hub().name());

        hub.genericKubernetesResources("argoproj.io/v1alpha1", "Application")
                .inNamespace(target.namespace())
                .withName(target.name())
                .edit(app -> withHealthMessage(app, "changed by the test"));
        Fleet after = awaitSnapshot(f -> f.hub().applications().stream()
                .anyMatch(a -> a.name().equals(target.name()) && "changed by the test".equals(a.healthMessage())));

        Map<String, ApplicationStatus> earlier = byKey(before.hub());
        for (ApplicationStatus a : after.hub().applications()) {
            if (a.name().equals(target.name()) && a.namespace().equals(target.namespace())) {
                assertThat(a).isNotSameAs(earlier.get(key(a)));
            } else {
                assertThat(a).as("unchanged %s", key(a)).isSameAs(earlier.get(key(a)));
            }
        }
        for (Cluster spoke : after.spokes()) {
            Cluster was = before.spokes().stream()
                    .filter(s -> s.id().equals(spoke.id()))
                    .findFirst()
                    .orElseThrow();
            if (!spoke.components().isEmpty()) {
                assertThat(spoke.components())
                        .as("components of %s, not rebuilt", spoke.name())
                        .isSameAs(was.components());
            }
        }
        assertThat(after.spokes()).anyMatch(s -> !s.components().isEmpty());
    }

    private static GenericKubernetesResource withHealthMessage(GenericKubernetesResource app, String message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) app.getAdditionalProperties()
                .computeIfAbsent("status", k -> new java.util.LinkedHashMap<String, Object>());
        @SuppressWarnings("unchecked")
        Map<String, Object> health = (Map<String, Object>)
                status.computeIfAbsent("health", k -> new java.util.LinkedHashMap<String, Object>());
        health.put("message", message);
        return app;
    }

    private static Map<String, ApplicationStatus> byKey(Cluster c) {
        return c.applications().stream().collect(Collectors.toMap(FleetStoreIncrementalTest::key, Function.identity()));
    }

    private static String key(ApplicationStatus a) {
        return a.namespace() + "/" + a.name();
    }

    /** The latest snapshot once no new one came for a second (the demo's start-up writes are over). */
    private Fleet quiet() {
        long[] seen = {-1, System.currentTimeMillis()};
        return await("the demo fleet settles")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(fleet::latest, f -> {
                    if (f.revision() != seen[0]) {
                        seen[0] = f.revision();
                        seen[1] = System.currentTimeMillis();
                        return false;
                    }
                    return System.currentTimeMillis() - seen[1] > 1000
                            && f.spokes().size() >= 3;
                });
    }

    private Fleet awaitSnapshot(Predicate<Fleet> condition) {
        return await("a snapshot with the change")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(fleet::latest, condition);
    }
}
