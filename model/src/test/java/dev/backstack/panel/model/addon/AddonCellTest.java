package dev.backstack.panel.model.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.rules.ArgoRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a matrix cell shows beyond health and sync: the last error and how long ago the last sync ended. */
class AddonCellTest {

    private static ApplicationStatus app(Map<String, Object> status) {
        return ArgoRules.application(new KubeObject(
                "argoproj.io/v1alpha1",
                "Application",
                "argocd",
                "spoke-2-kyverno",
                "u",
                1,
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(),
                Map.of("spec", Map.of(), "status", status)));
    }

    @Test
    void aFailedSyncIsTheLastErrorAndItsFinishTimeTheAge() {
        ApplicationStatus a = app(Map.of(
                "health",
                Map.of("status", "Degraded", "message", "crash loop"),
                "sync",
                Map.of("status", "OutOfSync"),
                "operationState",
                Map.of(
                        "phase",
                        "Failed",
                        "retryCount",
                        2,
                        "message",
                        "webhook refused",
                        "startedAt",
                        "2026-11-26T05:00:00Z",
                        "finishedAt",
                        "2026-11-26T05:01:00Z")));
        assertThat(a.lastError()).contains("sync Failed: webhook refused");
        assertThat(a.lastOperationAt()).isEqualTo(Instant.parse("2026-11-26T05:01:00Z"));
        assertThat(AddonMatrix.cellText(a, Instant.parse("2026-11-26T05:06:30Z")))
                .isEqualTo("Degraded \u00b7 OutOfSync \u00b7 retry 2 \u00b7 5m");
    }

    @Test
    void aDegradedHealthIsTheLastErrorWhenTheSyncSucceeded() {
        ApplicationStatus a = app(Map.of(
                "health",
                Map.of("status", "Degraded", "message", "crash loop"),
                "sync",
                Map.of("status", "Synced"),
                "operationState",
                Map.of("phase", "Running", "startedAt", "2026-11-26T05:00:00Z")));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.lastError()).contains("crash loop");
        assertThat(a.lastOperationAt()).as("still running: its start").isEqualTo(Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void aHealthyApplicationHasNoErrorAndNoAgeWithoutAnOperation() {
        ApplicationStatus a = app(Map.of("health", Map.of("status", "Healthy"), "sync", Map.of("status", "Synced")));
        assertThat(a.lastError()).isEmpty();
        assertThat(a.lastOperationAt()).isNull();
        assertThat(AddonMatrix.cellText(a, Instant.now())).isEqualTo("Healthy \u00b7 Synced");
    }

    @Test
    void anUnreadableTimeIsNoTime() {
        assertThat(app(Map.of("operationState", Map.of("finishedAt", "yesterday")))
                        .lastOperationAt())
                .isNull();
    }

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({"0,0s", "59,59s", "60,1m", "3599,59m", "3600,1h", "86399,23h", "86400,1d", "-5,0s"})
    void ages(long seconds, String text) {
        Instant now = Instant.parse("2026-11-26T06:00:00Z");
        assertThat(AddonMatrix.age(now.minusSeconds(seconds), now)).isEqualTo(text);
    }
}
