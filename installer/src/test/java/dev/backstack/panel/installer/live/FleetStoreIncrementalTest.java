package dev.backstack.panel.installer.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
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
        KubernetesClient hub = fleet.demoFleet().orElseThrow().client(before.hub().name());

        hub.genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace(target.namespace())
                .withName(target.name()).edit(app -> withHealthMessage(app, "changed by the test"));
        Fleet after = await(f -> f.hub().applications().stream()
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
            Cluster was = before.spokes().stream().filter(s -> s.id().equals(spoke.id())).findFirst().orElseThrow();
            if (!spoke.components().isEmpty()) {
                assertThat(spoke.components()).as("components of %s, not rebuilt", spoke.name())
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
        Map<String, Object> health = (Map<String, Object>) status.computeIfAbsent("health",
                k -> new java.util.LinkedHashMap<String, Object>());
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
    private Fleet quiet() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        Fleet last = fleet.latest();
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            Fleet now = fleet.latest();
            if (now.revision() != last.revision()) {
                last = now;
                since = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - since > 1000 && now.spokes().size() >= 3) {
                return now;
            }
        }
        throw new AssertionError("the demo fleet did not settle");
    }

    private Fleet await(Predicate<Fleet> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Fleet f = fleet.latest();
            if (condition.test(f)) {
                return f;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no snapshot with the change");
    }
}
