package dev.backstack.panel.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.StatusReason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HintsTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Provider provider-aws | not installed: UnpackingPackage: cannot unpack package: failed to fetch package digest from remote: 401 Unauthorized | check the package registry and the pull secret",
                "Provider provider-aws-ec2 | unhealthy: UnhealthyPackageRevision: cannot pull package xpkg.upbound.io/upbound/provider-aws-ec2:v0.46.1: TOOMANYREQUESTS | check the package registry and the pull secret",
                "Function function-patch | unhealthy: UnhealthyPackageRevision: post establish hook failed | look at the package's pod in crossplane-system",
                "Pod backstage-6f7c9-abcde | container backstage is in ImagePullBackOff: Back-off pulling image | check the image name and tag, and the image pull secret",
                "Pod backstage-6f7c9-abcde | container backstage is in ErrImagePull | check the image name and tag, and the image pull secret",
                "Pod kyverno-admission-1 | container kyverno is in CrashLoopBackOff (3 restarts); last exit: Error code 1 | read the previous container's log (Load log)",
                "Pod vault-0 | not ready: container vault terminated and restarted (2 restarts); last exit: OOMKilled code 137 | the container ran out of memory: raise its memory limit",
                "Pod backstage-6f7c9-abcde | container backstage is in CreateContainerConfigError: secret \"backstage-db\" not found | a Secret or ConfigMap the pod references is missing",
                "Pod vault-0 | not ready (Pending): Unschedulable: 0/3 nodes are available: 3 Insufficient memory. | no node can take the pod",
                "Deployment argocd-server | rollout stuck: ProgressDeadlineExceeded: ReplicaSet has timed out progressing. | the rollout is stuck",
                "Release hub-x7k2-kyverno-policies | not synced: ReconcileError: no matches for kind \"ClusterPolicy\" in version \"kyverno.io/v1\" | a CRD is missing",
                "ClusterPolicy require-run-as-nonroot | not ready: Failed: webhook not configured | check the Kyverno admission controller",
                "ValidatingPolicy require-probes | not ready | check the Kyverno admission controller",
                "Application spoke-2-kyverno | sync Failed (retry 2): one or more objects failed to apply | read the operation message, then Retry on the Add-ons tab",
                "cluster API server | connection refused | the API server does not answer: check the network",
            })
    void commonFailuresGetAnActionableHint(String subject, String message, String hintStart) {
        assertThat(Hints.forReason(StatusReason.of(subject, message))).startsWith(hintStart);
    }

    @Test
    void aFailureTheTableDoesNotKnowHasNoHint() {
        assertThat(Hints.forReason(StatusReason.of("Release hub-x7k2-vault", "not ready: Unavailable: helm says no")))
                .isEmpty();
        assertThat(Hints.forReason(StatusReason.of("Application clusters", "Degraded, Synced")))
                .isEmpty();
    }

    @Test
    void theHintFollowsTheFailingObjectNotItsParents() {
        StatusReason deep = StatusReason.of("Pod vault-0", "container vault is in CrashLoopBackOff")
                .under("StatefulSet vault");
        Assessment a = Hints.apply(Assessment.of(Health.DEGRADED, "1/1", deep));
        assertThat(a.hint()).isEqualTo("read the previous container's log (Load log)");
        assertThat(a.reason().orElseThrow().path()).containsExactly("StatefulSet vault", "Pod vault-0");
        assertThat(a.under("Hub hub").hint()).isEqualTo(a.hint());
    }

    @Test
    void applyKeepsAHintAlreadyGivenAndLeavesReasonlessAssessmentsAlone() {
        Assessment given =
                Assessment.of(Health.DEGRADED, "Pod p", "CrashLoopBackOff").withHint("ask the team");
        assertThat(Hints.apply(given).hint()).isEqualTo("ask the team");
        assertThat(Hints.apply(Assessment.healthy("ok"))).isEqualTo(Assessment.healthy("ok"));
    }

    @Test
    void oneLineWithHintStaysOneLine() {
        StatusReason r = new StatusReason(List.of("Pod p"), "CrashLoopBackOff\nsecond line", "read the log");
        assertThat(r.oneLineWithHint())
                .isEqualTo("Pod p: CrashLoopBackOff \u2014 hint: read the log")
                .doesNotContain("\n");
        assertThat(StatusReason.of("Pod p", "x").oneLineWithHint()).isEqualTo("Pod p: x");
    }
}
