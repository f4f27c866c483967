package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgoRulesTest {

    static KubeObject app(String destination, String status) {
        return yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: spoke-1-kyverno, namespace: argocd}
                spec:
                  project: default
                  destination: %s
                status:
                %s
                """.formatted(
                        destination, status.isBlank() ? "" : status.indent(2).stripTrailing()));
    }

    static KubeObject app(String status) {
        return app("{server: 'https://spoke-1.example.com:6443', namespace: kyverno}", status);
    }

    @ParameterizedTest(name = "health {0} and sync {1} are shown verbatim")
    @CsvSource({
        "Healthy, Synced, HEALTHY",
        "Progressing, Synced, PROGRESSING",
        "Degraded, OutOfSync, DEGRADED",
        "Missing, OutOfSync, MISSING",
        "Suspended, Synced, SUSPENDED",
        "Unknown, Unknown, UNKNOWN",
    })
    void takesHealthAndSyncFromArgoCdVerbatim(String health, String sync, Health expected) {
        ApplicationStatus s = ArgoRules.application(app("""
                health: {status: %s}
                sync: {status: %s}
                """.formatted(health, sync)));

        assertThat(s.health()).isEqualTo(expected);
        assertThat(s.syncStatus()).isEqualTo(sync);
        assertThat(s.assessment().health()).isEqualTo(expected);
        assertThat(s.assessment().summary()).startsWith(sync);
    }

    @Test
    @DisplayName("a Progressing application with sync Synced is not recomputed into Healthy")
    void doesNotRecomputeHealthFromSync() {
        ApplicationStatus s = ArgoRules.application(app("""
                health: {status: Progressing, message: 'Waiting for rollout to finish'}
                sync: {status: Synced}
                operationState: {phase: Succeeded}
                """));
        assertThat(s.assessment().health()).isEqualTo(Health.PROGRESSING);
        assertThat(s.assessment().reason().orElseThrow().message()).isEqualTo("Waiting for rollout to finish");
    }

    @Test
    void isUnknownWhenStatusIsAbsent() {
        ApplicationStatus s = ArgoRules.application(app(""));

        assertThat(s.health()).isEqualTo(Health.UNKNOWN);
        assertThat(s.syncStatus()).isEqualTo("Unknown");
        assertThat(s.operationPhase()).isNull();
        assertThat(s.retryCount()).isZero();
        Assessment a = s.assessment();
        assertThat(a.health()).isEqualTo(Health.UNKNOWN);
        assertThat(a.reason().orElseThrow().subject()).isEqualTo("Application spoke-1-kyverno");
        assertThat(a.reason().orElseThrow().message()).contains("no health");
    }

    @Test
    @DisplayName(
            "operationState.phase Failed with retryCount 3: the reason names the phase, the retries and the message")
    void reportsFailedSyncWithRetries() {
        ApplicationStatus s = ArgoRules.application(app("""
                health: {status: Degraded, message: 'Deployment kyverno-admission-controller exceeded its progress deadline'}
                sync: {status: OutOfSync}
                operationState:
                  phase: Failed
                  retryCount: 3
                  message: 'one or more objects failed to apply, reason: CustomResourceDefinition "policies.kyverno.io" is invalid'
                """));

        assertThat(s.operationPhase()).isEqualTo("Failed");
        assertThat(s.retryCount()).isEqualTo(3);
        assertThat(s.operationFailed()).isTrue();
        Assessment a = s.assessment();
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.summary()).contains("OutOfSync").contains("Failed").contains("retry 3");
        assertThat(a.reason().orElseThrow().message())
                .contains("Failed")
                .contains("retry 3")
                .contains("CustomResourceDefinition \"policies.kyverno.io\" is invalid");
    }

    @Test
    void errorPhaseCountsAsAFailedOperation() {
        ApplicationStatus s = ArgoRules.application(app("""
                health: {status: Missing}
                sync: {status: OutOfSync}
                operationState: {phase: Error, message: 'rpc error: repository not accessible'}
                """));
        assertThat(s.operationFailed()).isTrue();
        assertThat(s.retryCount()).isZero();
        assertThat(s.assessment().reason().orElseThrow().message()).contains("repository not accessible");
    }

    @Test
    void runningOperationIsNotAFailure() {
        ApplicationStatus s = ArgoRules.application(app("""
                health: {status: Healthy}
                sync: {status: Synced}
                operationState: {phase: Running, retryCount: 1}
                """));
        assertThat(s.operationFailed()).isFalse();
        assertThat(s.assessment().health()).isEqualTo(Health.HEALTHY);
        assertThat(s.assessment().summary()).contains("Running").contains("retry 1");
    }

    @Test
    void readsProjectDestinationAndDeletion() {
        KubeObject deleting = yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: clusters, namespace: argocd, deletionTimestamp: '2024-10-01T00:00:00Z'}
                spec:
                  project: platform
                  destination: {name: in-cluster, namespace: default}
                """);
        ApplicationStatus s = ArgoRules.application(deleting);
        assertThat(s.namespace()).isEqualTo("argocd");
        assertThat(s.project()).isEqualTo("platform");
        assertThat(s.destinationName()).isEqualTo("in-cluster");
        assertThat(s.destinationServer()).isNull();
        assertThat(s.destinationNamespace()).isEqualTo("default");
        assertThat(s.deleting()).isTrue();
    }

    @Test
    void targetsAClusterByServerUrl() {
        ApplicationStatus s = ArgoRules.application(app("{server: 'https://spoke-1.example.com:6443'}", ""));
        assertThat(s.targets("https://spoke-1.example.com:6443", "anything")).isTrue();
        assertThat(s.targets("https://spoke-1.example.com:6443", null)).isTrue();
        assertThat(s.targets("https://spoke-2.example.com:6443", "spoke-1")).isFalse();
        assertThat(s.targets(null, null)).isFalse();
    }

    @Test
    void targetsAClusterByArgoCdName() {
        ApplicationStatus s = ArgoRules.application(app("{name: spoke-1, namespace: kyverno}", ""));
        assertThat(s.targets(null, "spoke-1")).isTrue();
        assertThat(s.targets("https://spoke-1.example.com:6443", "spoke-1")).isTrue();
        assertThat(s.targets("https://spoke-1.example.com:6443", "spoke-2")).isFalse();
        assertThat(s.targets("", "")).isFalse();
    }
}
