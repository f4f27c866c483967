package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.addon.ApplicationActions;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo's simulated Argo CD answers the matrix's actions through the Application objects. */
class DemoArgoOperationsTest {

    private static FleetService service;

    @BeforeAll
    static void startDemo() {
        service = FleetService.demo(100, 50);
    }

    @AfterAll
    static void stopDemo() {
        service.close();
    }

    private static Optional<ApplicationStatus> app(Fleet f, String name) {
        return f.hub() == null
                ? Optional.empty()
                : f.hub().applications().stream()
                        .filter(a -> a.name().equals(name))
                        .findFirst();
    }

    private static ApplicationStatus await(
            String name, String what, Predicate<ApplicationStatus> condition, List<ApplicationStatus> seen) {
        try {
            return Awaitility.await(name + " " + what)
                    .atMost(Duration.ofSeconds(40))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> {
                                Optional<ApplicationStatus> a = app(service.latest(), name);
                                a.ifPresent(x -> {
                                    if (seen.isEmpty()
                                            || !seen.get(seen.size() - 1).equals(x)) {
                                        seen.add(x);
                                    }
                                });
                                return a;
                            },
                            a -> a.isPresent() && condition.test(a.get()))
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "timed out waiting until " + name + " " + what + "; last: " + app(service.latest(), name), e);
        }
    }

    @Test
    @DisplayName(
            "spoke-2's failed Kyverno sync, retried by a user, runs and recovers: Running, then Succeeded and Healthy")
    void aRetryRecoversSpoke2() throws Exception {
        List<ApplicationStatus> seen = new ArrayList<>();
        ApplicationStatus failed = await("spoke-2-kyverno", "failed", ApplicationStatus::operationFailed, seen);
        assertThat(failed.health()).isEqualTo(Health.DEGRADED);
        assertThat(failed.retryCount()).isEqualTo(2);
        assertThat(failed.lastError()).get().asString().contains("failed calling webhook");

        ActionResult r = new ApplicationActions(
                        service.demoFleet().orElseThrow().client("backstack-hub"))
                .run(ApplicationAction.RETRY, "argocd", "spoke-2-kyverno");
        assertThat(r.outcome()).as(r.message()).isEqualTo(ActionResult.Outcome.DONE);

        seen.clear();
        ApplicationStatus healthy = await(
                "spoke-2-kyverno",
                "healthy",
                a -> a.health() == Health.HEALTHY && "Succeeded".equals(a.operationPhase()),
                seen);
        assertThat(seen).extracting(ApplicationStatus::operationPhase).contains("Running");
        assertThat(seen)
                .filteredOn(a -> "Running".equals(a.operationPhase()))
                .allSatisfy(a -> assertThat(a.retryCount()).isEqualTo(3));
        assertThat(healthy.retryCount()).isEqualTo(3);
        assertThat(healthy.syncStatus()).isEqualTo("Synced");
        assertThat(healthy.lastError()).isEmpty();
        // it stays recovered: the story no longer writes its status
        Awaitility.await("spoke-2-kyverno staying healthy")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(app(service.latest(), "spoke-2-kyverno"))
                        .get()
                        .extracting(ApplicationStatus::health)
                        .isEqualTo(Health.HEALTHY));
    }

    @Test
    @DisplayName("a refresh annotation is taken away on the next pass, as Argo CD does")
    void aRefreshIsTaken() throws Exception {
        var hub = service.demoFleet().orElseThrow().client("backstack-hub");
        await("spoke-1-kyverno", "present", a -> true, new ArrayList<>());
        assertThat(new ApplicationActions(hub)
                        .run(ApplicationAction.HARD_REFRESH, "argocd", "spoke-1-kyverno")
                        .done())
                .isTrue();
        var apps = hub.genericKubernetesResources(DemoWriter.context("argoproj.io/v1alpha1", "Application"))
                .inNamespace("argocd")
                .withName("spoke-1-kyverno");
        Awaitility.await("the refresh annotation taken away")
                .atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var ann = apps.get().getMetadata().getAnnotations();
                    return ann == null || !ann.containsKey(DemoArgoOperations.REFRESH);
                });
    }
}
