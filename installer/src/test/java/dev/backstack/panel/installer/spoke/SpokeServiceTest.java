package dev.backstack.panel.installer.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.BareRepository;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.lineage.Lineage;
import dev.backstack.panel.model.lineage.LineageStage;
import dev.backstack.panel.model.lineage.SpokeLineage;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.SpokeRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spoke service on the simulated demo fleet (started once for the class): the hub's
 * guardrails, the preflight, GitOps delivery of a claim to a bare repository in a test folder,
 * and a claim applied on the hub coming up through every lineage stage until the fleet watches
 * the new spoke.
 */
class SpokeServiceTest {

    private static FleetService fleet;
    private static SpokeService service;

    @TempDir
    static Path journals;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDemo() throws Exception {
        fleet = FleetService.demo(100, 100);
        assertThat(fleet.demoFleet().orElseThrow().awaitSettled(60_000))
                .as("demo settled")
                .isTrue();
        assertThat(fleet.awaitSynced(30, TimeUnit.SECONDS)).as("demo watched").isTrue();
        service = new SpokeService(new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
    }

    @AfterAll
    static void stopDemo() {
        fleet.close();
    }

    @Test
    void theDemoHubsGuardrailsSayWhichPolicyRefusesAndWhy() {
        List<GuardrailFinding> ok = service.guardrails(
                SpokeRequest.direct(ClusterKind.AKS, "spoke-7", "westeurope", "1.35", 2, "Standard_B2s"));
        List<GuardrailFinding> big = service.guardrails(
                SpokeRequest.direct(ClusterKind.AKS, "spoke-7", "westeurope", "1.35", 5, "Standard_B2s"));

        assertThat(ok).hasSize(3).noneMatch(GuardrailFinding::blocks);
        assertThat(big)
                .filteredOn(GuardrailFinding::blocks)
                .singleElement()
                .satisfies(f -> assertThat(f.line())
                        .isEqualTo(
                                "ValidatingAdmissionPolicy backstack-limit-cluster-node-count refuses: A cluster may have "
                                        + "at most 3 nodes: reduce spec.parameters.nodes.count."));
    }

    @Test
    void preflightBlocksOnSchemaAndGuardrailsBeforeAnyWrite() throws Exception {
        SpokeRequest bad = SpokeRequest.direct(ClusterKind.EKS, "spoke-8", "eu-west-1", "1.19", 5, "t3.small");

        PreflightReport report = service.preflight(bad, service.guardrails(bad), GitCredentials.none());

        assertThat(report.blocked()).isTrue();
        assertThat(report.blocking())
                .extracting(PreflightFinding::id)
                .containsExactly("claim-schema", "guardrail-backstack-limit-cluster-node-count");
        assertThat(report.blocking().get(0).detail()).contains("spec.parameters.version: 1.19 is not allowed");
        assertThat(fleet.demoFleet()
                        .orElseThrow()
                        .client("backstack-hub")
                        .genericKubernetesResources("backstack.dev/v1alpha1", "EKSCluster")
                        .inNamespace("default")
                        .withName("spoke-8")
                        .get())
                .isNull();
    }

    @Test
    void goodRequestPassesPreflightWithTheHubsDryRun() throws Exception {
        SpokeRequest r = SpokeRequest.direct(ClusterKind.AKS, "spoke-9", "westeurope", "1.35", 2, "Standard_B2s");

        PreflightReport report = service.preflight(r, service.guardrails(r), GitCredentials.none());

        assertThat(report.blocked()).as(report.summary()).isFalse();
        assertThat(report.findings())
                .extracting(PreflightFinding::id)
                .contains("claim-schema", "guardrail-backstack-validate-cluster-name");
    }

    @Test
    void gitOpsDeliveryCommitsTheClaimFileToTheClustersFolder() throws Exception {
        Path repo = BareRepository.seed(dir.resolve("gitops.git"));
        SpokeRequest r = SpokeRequest.direct(ClusterKind.EKS, "spoke-10", "eu-central-1", "1.34", 2, "t3.small")
                .withDelivery(
                        SpokeRequest.Delivery.GITOPS,
                        new SpokeRequest.GitOps(repo.toString(), "main", "backstack/spoke-10"));
        PlanPreview preview = service.preview(r, GitCredentials.none());

        SpokeService.Delivered done = service.run(r, GitCredentials.none(), List.of(), e -> {});

        assertThat(done.outcome()).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(done.commit().orElseThrow().outcome()).isEqualTo(DeliveryResult.Outcome.PUSHED);
        Map<String, String> onBranch = BareRepository.files(repo, "backstack/spoke-10");
        assertThat(onBranch).containsOnlyKeys("README.md", "demo/clusters/spoke-10.yaml");
        assertThat(onBranch.get("demo/clusters/spoke-10.yaml")).isEqualTo(ClaimRenderer.yaml(r));
        assertThat(preview.steps().get(0).objects())
                .singleElement()
                .satisfies(o -> assertThat(o.name()).isEqualTo("demo/clusters/spoke-10.yaml"));
        assertThat(BareRepository.files(repo, "main")).containsOnlyKeys("README.md");

        SpokeService.Delivered again = service.run(r, GitCredentials.none(), List.of(), e -> {});
        assertThat(again.outcome()).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(again.commit().orElseThrow().outcome()).isEqualTo(DeliveryResult.Outcome.ALREADY_DELIVERED);
    }

    @Test
    void aClaimAppliedOnTheDemoHubComesUpStageByStageAndJoinsTheFleet() throws Exception {
        SpokeRequest r = SpokeRequest.direct(ClusterKind.AKS, "spoke-4", "westeurope", "1.35", 2, "Standard_B2s");

        assertThat(service.run(r, GitCredentials.none(), List.of(), e -> {}).outcome())
                .isEqualTo(PlanOutcome.SUCCEEDED);

        List<LineageStage> broken = new ArrayList<>();
        Lineage lineage;
        try {
            lineage = Awaitility.await("spoke-4's policy reports read")
                    .atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> {
                                Fleet f = fleet.latest();
                                Optional<Cluster> spoke = f.spokes().stream()
                                        .filter(c -> c.name().equals("spoke-4"))
                                        .findFirst();
                                Lineage l = SpokeLineage.of(
                                        "spoke-4", fleet.objects(f.hub().id()), spoke);
                                LineageStage stage =
                                        l.brokenLink().map(b -> b.stage()).orElse(null);
                                if (broken.isEmpty() || broken.get(broken.size() - 1) != stage) {
                                    broken.add(stage);
                                }
                                return l;
                            },
                            SpokeServiceTest::reportsRead);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "did not reach the spoke's policy reports; first broken link over time: " + broken, e);
        }

        assertThat(fleet.latest().spokes()).extracting(Cluster::name).contains("spoke-4");
        assertThat(lineage.nodes())
                .filteredOn(n -> n.stage() != LineageStage.COMPLIANCE)
                .allMatch(n -> n.isHealthy());
        assertThat(broken)
                .as("first broken link over time")
                .contains(LineageStage.COMPOSITE, LineageStage.CLUSTER_SECRET, LineageStage.APPLICATIONS);
        // Crossplane (and the demo) marks the composite Ready a moment before the claim that mirrors
        // it: a snapshot in between shows the claim as the first broken link, once, right after the
        // composite. Apart from that catching up, the first broken link only moves forward.
        List<LineageStage> seen =
                broken.stream().filter(java.util.Objects::nonNull).toList();
        List<LineageStage> forward = new ArrayList<>();
        for (int i = 0; i < seen.size(); i++) {
            boolean claimCatchingUp =
                    seen.get(i) == LineageStage.REQUEST && i > 0 && seen.get(i - 1) == LineageStage.COMPOSITE;
            if (!claimCatchingUp) {
                forward.add(seen.get(i));
            }
        }
        assertThat(forward)
                .as("the first broken link only moves forward: %s", seen)
                .isSortedAccordingTo(Enum::compareTo);
    }

    /** Every link holds up to the spoke's compliance, which the panel reads from the new spoke's reports. */
    private static boolean reportsRead(Lineage lineage) {
        return lineage.brokenLink()
                .map(b -> b.stage() == LineageStage.COMPLIANCE
                        && b.node().health() != dev.backstack.panel.model.Health.MISSING)
                .orElse(true);
    }
}
