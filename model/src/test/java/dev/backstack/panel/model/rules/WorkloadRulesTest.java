package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadRulesTest {

    static KubeObject deployment(long generation, long desired, String status) {
        return yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: argocd-server, namespace: argocd, generation: %d}
                spec: {replicas: %d}
                status: %s
                """.formatted(generation, desired, status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "available | 2 | {observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3} | HEALTHY",
                "rollout: updated < desired | 2 | {observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 3} | PROGRESSING",
                "rollout: old replicas still running | 2 | {observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3} | PROGRESSING",
                "updated but not yet available | 2 | {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2} | PROGRESSING",
                "stale observedGeneration, even if counts look done | 3 | {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3} | PROGRESSING",
                "no status yet | 1 | {} | PROGRESSING",
            })
    void assessesDeploymentRollouts(String description, long generation, String status, Health expected) {
        assertThat(WorkloadRules.assess(deployment(generation, 3, status)).health())
                .isEqualTo(expected);
    }

    @Test
    void rolloutInProgressSaysHowManyReplicasAreUpdated() {
        Assessment a = WorkloadRules.assess(
                deployment(2, 3, "{observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 3}"));
        assertThat(a.reason().orElseThrow().subject()).isEqualTo("Deployment argocd-server");
        assertThat(a.reason().orElseThrow().message()).contains("1 of 3");
    }

    @Test
    void staleObservedGenerationNamesTheGeneration() {
        Assessment a = WorkloadRules.assess(
                deployment(5, 3, "{observedGeneration: 4, replicas: 3, updatedReplicas: 3, availableReplicas: 3}"));
        assertThat(a.health()).isEqualTo(Health.PROGRESSING);
        assertThat(a.reason().orElseThrow().message()).contains("generation 5");
    }

    @Test
    @DisplayName("ProgressDeadlineExceeded is Degraded with the condition's message")
    void progressDeadlineExceededIsDegraded() {
        Assessment a = WorkloadRules.assess(deployment(2, 3, """
                {observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 2, conditions: [
                  {type: Progressing, status: 'False', reason: ProgressDeadlineExceeded,
                   message: 'ReplicaSet "argocd-server-5d9f" has timed out progressing.'}]}"""));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.reason().orElseThrow().message())
                .contains("ProgressDeadlineExceeded")
                .contains("ReplicaSet \"argocd-server-5d9f\" has timed out");
    }

    @Test
    void scaledToZeroIsSuspended() {
        Assessment a = WorkloadRules.assess(deployment(2, 0, "{observedGeneration: 2}"));
        assertThat(a.health()).isEqualTo(Health.SUSPENDED);
    }

    @Test
    void missingReplicasMeansOne() {
        KubeObject d = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: backstage, namespace: backstage, generation: 1}
                spec: {}
                status: {observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1}
                """);
        assertThat(WorkloadRules.assess(d).health()).isEqualTo(Health.HEALTHY);
    }

    static KubeObject statefulSet(long desired, String status) {
        return yaml("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: vault, namespace: vault, generation: 4}
                spec: {replicas: %d}
                status: %s
                """.formatted(desired, status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "same revision, all ready | 3 | {observedGeneration: 4, readyReplicas: 3, currentRevision: vault-7c9, updateRevision: vault-7c9} | HEALTHY",
                "new revision rolling out | 3 | {observedGeneration: 4, readyReplicas: 3, currentRevision: vault-7c9, updateRevision: vault-8d1} | PROGRESSING",
                "not all ready | 3 | {observedGeneration: 4, readyReplicas: 2, currentRevision: vault-7c9, updateRevision: vault-7c9} | PROGRESSING",
                "stale observedGeneration | 3 | {observedGeneration: 3, readyReplicas: 3, currentRevision: a, updateRevision: a} | PROGRESSING",
                "scaled to zero | 0 | {observedGeneration: 4} | SUSPENDED",
            })
    void assessesStatefulSetRevisions(String description, long desired, String status, Health expected) {
        assertThat(WorkloadRules.assess(statefulSet(desired, status)).health()).isEqualTo(expected);
    }

    @Test
    void statefulSetRolloutNamesTheNewRevision() {
        Assessment a = WorkloadRules.assess(statefulSet(
                3, "{observedGeneration: 4, readyReplicas: 3, currentRevision: vault-7c9, updateRevision: vault-8d1}"));
        assertThat(a.reason().orElseThrow().message()).contains("vault-8d1");
    }

    @ParameterizedTest(name = "DaemonSet {0} of {1} available -> {2}")
    @CsvSource({"2, 2, HEALTHY", "1, 2, PROGRESSING", "0, 0, HEALTHY"})
    void assessesDaemonSetAvailability(long available, long desired, Health expected) {
        KubeObject ds = yaml("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node-agent, namespace: crossplane-system, generation: 1}
                status: {observedGeneration: 1, desiredNumberScheduled: %d, updatedNumberScheduled: %d, numberAvailable: %d}
                """.formatted(desired, desired, available));
        assertThat(WorkloadRules.assess(ds).health()).isEqualTo(expected);
    }

    static KubeObject pod(String status) {
        return yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: backstage-6f7c9-abcde, namespace: backstage}
                status:
                %s
                """.formatted(status.indent(2).stripTrailing()));
    }

    @Test
    @DisplayName("CrashLoopBackOff is Degraded, naming the container, its restarts and its last termination message")
    void crashLoopBackOffIsDegradedWithDetails() {
        Assessment a = WorkloadRules.assess(pod("""
                phase: Running
                containerStatuses:
                - name: sidecar
                  ready: true
                  restartCount: 0
                  state: {running: {}}
                - name: backstage-backend
                  ready: false
                  restartCount: 7
                  state:
                    waiting:
                      reason: CrashLoopBackOff
                      message: back-off 5m0s restarting failed container=backstage-backend
                  lastState:
                    terminated:
                      reason: Error
                      exitCode: 1
                      message: |
                        Backend failed to start up Error: Missing required config value at 'backend.database.client'
                """));

        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.reason().orElseThrow().subject()).isEqualTo("Pod backstage-6f7c9-abcde");
        assertThat(a.reason().orElseThrow().message())
                .contains("backstage-backend")
                .doesNotContain("sidecar")
                .contains("CrashLoopBackOff")
                .contains("7 restarts")
                .contains("code 1")
                .contains("Missing required config value at 'backend.database.client'");
    }

    @ParameterizedTest(name = "{0} is Degraded")
    @ValueSource(strings = {"ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError", "InvalidImageName"})
    void imageAndConfigProblemsAreDegraded(String reason) {
        Assessment a = WorkloadRules.assess(pod("""
                phase: Pending
                containerStatuses:
                - name: backstage
                  restartCount: 0
                  state:
                    waiting:
                      reason: %s
                      message: 'Back-off pulling image "ghcr.io/back-stack/showcase-backstage:typo"'
                """.formatted(reason)));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.reason().orElseThrow().message())
                .contains(reason)
                .contains("container backstage")
                .contains("showcase-backstage:typo");
    }

    @Test
    void failingInitContainerIsDegraded() {
        Assessment a = WorkloadRules.assess(pod("""
                phase: Pending
                initContainerStatuses:
                - name: migrate-db
                  restartCount: 3
                  state: {waiting: {reason: CrashLoopBackOff}}
                containerStatuses:
                - name: backstage
                  state: {waiting: {reason: PodInitializing}}
                """));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.reason().orElseThrow().message()).contains("migrate-db");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ready running pod | {phase: Running, conditions: [{type: Ready, status: 'True'}]} | HEALTHY",
                "running, not ready | {phase: Running, conditions: [{type: Ready, status: 'False'}]} | PROGRESSING",
                "container creating | {phase: Pending, containerStatuses: [{name: c, state: {waiting: {reason: ContainerCreating}}}]} | PROGRESSING",
                "completed | {phase: Succeeded} | HEALTHY",
                "failed | {phase: Failed, message: 'The node was low on resource: memory.'} | DEGRADED",
            })
    void assessesPodPhases(String description, String status, Health expected) {
        KubeObject p = yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: backstage}
                status: %s
                """.formatted(status));
        assertThat(WorkloadRules.assess(p).health()).isEqualTo(expected);
    }

    // --- Argo CD (gitops-engine pkg/health) agreement, see docs/health.md ---

    @Test
    @DisplayName("a paused Deployment is Suspended, as in Argo CD")
    void pausedDeploymentIsSuspended() {
        KubeObject d = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: backstage, namespace: backstage, generation: 3}
                spec: {replicas: 1, paused: true}
                status: {observedGeneration: 2, replicas: 1, updatedReplicas: 0, availableReplicas: 1}
                """);
        Assessment a = WorkloadRules.assess(d);
        assertThat(a.health()).isEqualTo(Health.SUSPENDED);
        assertThat(a.reason().orElseThrow().message()).contains("paused");
    }

    static KubeObject statefulSet(String spec, String status) {
        return yaml("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: vault, namespace: vault, generation: 4}
                spec: %s
                status: %s
                """.formatted(spec, status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "partitioned rollout done, revisions still differ | {replicas: 3, updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}} | {observedGeneration: 4, readyReplicas: 3, updatedReplicas: 1, currentRevision: a, updateRevision: b} | HEALTHY",
                "partitioned rollout not done | {replicas: 3, updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}} | {observedGeneration: 4, readyReplicas: 3, updatedReplicas: 1, currentRevision: a, updateRevision: b} | PROGRESSING",
                "OnDelete with a newer revision waiting | {replicas: 3, updateStrategy: {type: OnDelete}} | {observedGeneration: 4, readyReplicas: 3, currentRevision: a, updateRevision: b} | HEALTHY",
            })
    void statefulSetFollowsArgoCd(String description, String spec, String status, Health expected) {
        assertThat(WorkloadRules.assess(statefulSet(spec, status)).health()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "DaemonSet {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pods of the old template still available | {} | {observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 3} | PROGRESSING",
                "OnDelete, old pods kept | {updateStrategy: {type: OnDelete}} | {observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 1} | HEALTHY",
            })
    void daemonSetFollowsArgoCd(String description, String spec, String status, Health expected) {
        KubeObject ds = yaml("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node-agent, namespace: crossplane-system, generation: 1}
                spec: %s
                status: %s
                """.formatted(spec, status));
        assertThat(WorkloadRules.assess(ds).health()).isEqualTo(expected);
    }

    static KubeObject podWith(String spec, String status) {
        return yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: backstage}
                spec: %s
                status:
                %s
                """.formatted(spec, status.indent(2).stripTrailing()));
    }

    @Test
    @DisplayName("running, not ready, after a container was OOMKilled is Degraded (Argo CD), naming OOMKilled")
    void notReadyAfterOomKillIsDegraded() {
        Assessment a = WorkloadRules.assess(podWith("{}", """
                phase: Running
                conditions: [{type: Ready, status: 'False'}]
                containerStatuses:
                - name: backend
                  ready: false
                  restartCount: 2
                  state: {running: {}}
                  lastState: {terminated: {reason: OOMKilled, exitCode: 137}}
                """));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.reason().orElseThrow().message())
                .contains("backend")
                .contains("OOMKilled")
                .contains("137");
    }

    @ParameterizedTest(name = "waiting reason {0} is Degraded (Argo CD: Err*, *Error, *BackOff)")
    @ValueSource(strings = {"RunContainerError", "ErrImageNeverPull", "PreStartHookError"})
    void anyWaitingErrorIsDegraded(String reason) {
        Assessment a = WorkloadRules.assess(podWith("{}", """
                phase: Pending
                containerStatuses:
                - {name: c, state: {waiting: {reason: %s}}}
                """.formatted(reason)));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
    }

    @Test
    @DisplayName(
            "a run-to-completion pod (restartPolicy Never) waiting on its image is Progressing, as Argo CD has it for hooks")
    void runToCompletionPodIsNotDegradedByWaiting() {
        Assessment a = WorkloadRules.assess(podWith("{restartPolicy: Never}", """
                phase: Pending
                containerStatuses:
                - {name: c, state: {waiting: {reason: ImagePullBackOff}}}
                """));
        assertThat(a.health()).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void podOfUnknownPhaseIsUnknown() {
        assertThat(WorkloadRules.assess(podWith("{}", "phase: Unknown")).health())
                .isEqualTo(Health.UNKNOWN);
    }

    @Test
    @DisplayName("a failed pod without a message says which container failed with which exit code")
    void failedPodWithoutMessageNamesTheContainer() {
        Assessment a = WorkloadRules.assess(podWith("{}", """
                phase: Failed
                containerStatuses:
                - {name: migrate, state: {terminated: {reason: Error, exitCode: 3}}}
                """));
        assertThat(a.health()).isEqualTo(Health.DEGRADED);
        assertThat(a.reason().orElseThrow().message())
                .contains("migrate")
                .contains("exit code 3")
                .doesNotContain("null");
    }

    @Test
    @DisplayName("a pending, unschedulable pod is Progressing and says why it is not scheduled")
    void unschedulablePodSaysWhy() {
        Assessment a = WorkloadRules.assess(podWith("{}", """
                phase: Pending
                conditions:
                - {type: PodScheduled, status: 'False', reason: Unschedulable,
                   message: '0/3 nodes are available: 3 Insufficient memory.'}
                """));
        assertThat(a.health()).isEqualTo(Health.PROGRESSING);
        assertThat(a.reason().orElseThrow().message()).contains("Unschedulable").contains("Insufficient memory");
    }

    @Test
    void otherKindsAreUnknown() {
        KubeObject job = yaml("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: j, namespace: x}
                """);
        assertThat(WorkloadRules.assess(job).health()).isEqualTo(Health.UNKNOWN);
    }
}
