package dev.backstack.panel.model.lineage;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.ReportCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpokeLineageTest {

    static final String WAITING = "{type: Ready, status: 'False', reason: Waiting, "
            + "message: 'Claim is waiting for composite resource to become Ready'}";
    static final String CREATING =
            "{type: Ready, status: 'False', reason: Creating, " + "message: 'Unready resources: kubernetes-cluster'}";
    static final String QUOTA = "{type: Synced, status: 'False', reason: ReconcileError, "
            + "message: 'create failed: QuotaExceeded: 8 vCPUs requested, 4 left in eastus'}";
    static final String MANAGED_CREATING = "{type: Ready, status: 'False', reason: Creating}";
    static final String COMPOSE_FAILED = SpokeFixture.SYNCED.replace(
                    "'True', reason: ReconcileSuccess",
                    "'False', reason: ReconcileError, message: 'cannot compose resources: function patch-and-transform failed'")
            + ", " + CREATING;

    static Optional<Cluster> connected(ReportCounts total, int reports) {
        return Optional.of(new Cluster(
                SpokeFixture.SPOKE,
                SpokeFixture.SPOKE,
                ClusterRole.SPOKE,
                SpokeFixture.SERVER,
                Set.of("AKSCluster claim"),
                Reachability.REACHABLE,
                "v1.31.2",
                List.of(),
                List.of(),
                List.of(),
                new ComplianceSummary(total, Map.of(), Map.of(), reports),
                Optional.empty(),
                Assessment.healthy("ok")));
    }

    static Optional<Cluster> passing() {
        return connected(new ReportCounts(40, 0, 2, 0, 1), 6);
    }

    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of(
                        "only a claim: composite not yet created",
                        SpokeFixture.spoke().noComposite().claimReady(WAITING),
                        passing(),
                        LineageStage.COMPOSITE,
                        "claim team-a-spoke submitted, but no composite XAKSCluster for claim team-a-spoke yet"),
                Arguments.of(
                        "composite not ready",
                        SpokeFixture.spoke().claimReady(CREATING),
                        passing(),
                        LineageStage.COMPOSITE,
                        "claim team-a-spoke submitted, but XAKSCluster aks-1-c8v4d: not ready: Creating: "
                                + "Unready resources: kubernetes-cluster"),
                Arguments.of(
                        "composite failing on its own account, managed still creating",
                        SpokeFixture.spoke()
                                .claimReady(CREATING)
                                .composite(COMPOSE_FAILED)
                                .managed("KubernetesCluster", "aks-1-cluster", MANAGED_CREATING),
                        passing(),
                        LineageStage.COMPOSITE,
                        "claim team-a-spoke submitted, but XAKSCluster aks-1-c8v4d: not synced: ReconcileError: "
                                + "cannot compose resources: function patch-and-transform failed"),
                Arguments.of(
                        "a managed resource failing: its condition message surfaces",
                        SpokeFixture.spoke()
                                .claimReady(CREATING)
                                .managed("ResourceGroup", "aks-1-rg", SpokeFixture.READY)
                                .managed("KubernetesCluster", "aks-1-cluster", QUOTA, MANAGED_CREATING),
                        passing(),
                        LineageStage.MANAGED,
                        "composite created, but KubernetesCluster aks-1-cluster: "
                                + "not synced: ReconcileError: create failed: QuotaExceeded: 8 vCPUs requested, 4 left in eastus"),
                Arguments.of(
                        "a composed resource not found while the composite is not ready",
                        SpokeFixture.spoke().claimReady(CREATING).unreadManaged("KubernetesCluster", "aks-1-cluster"),
                        passing(),
                        LineageStage.COMPOSITE,
                        "claim team-a-spoke submitted, but XAKSCluster "
                                + "aks-1-c8v4d: not ready: Creating: Unready resources: kubernetes-cluster"),
                Arguments.of(
                        "connection secret missing: the claim names none",
                        SpokeFixture.spoke()
                                .noWriteRef()
                                .managed("KubernetesCluster", "aks-1-cluster", SpokeFixture.READY),
                        passing(),
                        LineageStage.CONNECTION_SECRET,
                        "claim Ready, but the claim does not set spec.writeConnectionSecretToRef"),
                Arguments.of(
                        "connection secret missing: kubeconfig not published",
                        SpokeFixture.spoke().managed("KubernetesCluster", "aks-1-cluster", SpokeFixture.READY),
                        passing(),
                        LineageStage.CONNECTION_SECRET,
                        "claim Ready, but no kubeconfig published to default/aks-1-kubeconfig yet"),
                Arguments.of(
                        "cluster secret missing: the registration policy did not run",
                        SpokeFixture.spoke()
                                .published()
                                .managed("KubernetesCluster", "aks-1-cluster", SpokeFixture.READY),
                        passing(),
                        LineageStage.CLUSTER_SECRET,
                        "claim Ready, but no Argo CD cluster secret: the "
                                + "registration policy did not run (the Kyverno generate policy on the hub turns "
                                + "default/aks-1-kubeconfig into a secret labelled clusterType: spoke)"),
                Arguments.of(
                        "cluster secret not labelled spoke",
                        SpokeFixture.spoke().published().clusterSecret(false).app("aks-1-kyverno", "Healthy", null),
                        passing(),
                        LineageStage.CLUSTER_SECRET,
                        "claim Ready, but Secret aks-1: registered with Argo CD, but not labelled clusterType: spoke"),
                Arguments.of(
                        "no applications generated",
                        SpokeFixture.spoke().published().clusterSecret(true).otherApp("apps-from-hub"),
                        passing(),
                        LineageStage.APPLICATIONS,
                        "registered with Argo CD, but no Argo CD Application "
                                + "targets aks-1: the ApplicationSets selecting clusterType: spoke have not generated any"),
                Arguments.of(
                        "applications degraded",
                        SpokeFixture.healthy()
                                .app("aks-1-zz-extra", "Healthy", null)
                                .app(
                                        "aks-1-kyverno-2",
                                        "Degraded",
                                        "container kyverno-admission is in CrashLoopBackOff"),
                        passing(),
                        LineageStage.APPLICATIONS,
                        "registered with Argo CD, but Application "
                                + "aks-1-kyverno-2: container kyverno-admission is in CrashLoopBackOff"),
                Arguments.of(
                        "spoke not connected: compliance unknown",
                        SpokeFixture.healthy(),
                        Optional.empty(),
                        LineageStage.COMPLIANCE,
                        "applications Healthy, but not connected to the spoke"),
                Arguments.of(
                        "spoke connected, no reports",
                        SpokeFixture.healthy(),
                        connected(ReportCounts.ZERO, 0),
                        LineageStage.COMPLIANCE,
                        "applications Healthy, but no policy reports on the spoke"),
                Arguments.of(
                        "compliance failing",
                        SpokeFixture.healthy(),
                        connected(new ReportCounts(30, 3, 0, 1, 0), 2),
                        LineageStage.COMPLIANCE,
                        "applications Healthy, but PolicyReports aks-1: 3 failing and 1 erroring results in 2 reports"),
                Arguments.of(
                        "compliance failing, the worst result named",
                        SpokeFixture.healthy(),
                        Optional.of(new Cluster(
                                SpokeFixture.SPOKE,
                                SpokeFixture.SPOKE,
                                ClusterRole.SPOKE,
                                SpokeFixture.SERVER,
                                Set.of("AKSCluster claim"),
                                Reachability.REACHABLE,
                                "v1.31.2",
                                List.of(),
                                List.of(),
                                List.of(),
                                new ComplianceSummary(
                                        new ReportCounts(1, 1, 1, 0, 0),
                                        Map.of(),
                                        Map.of(),
                                        2,
                                        List.of(
                                                new dev.backstack.panel.model.ComplianceResult(
                                                        "openreports.io",
                                                        "web",
                                                        "limits",
                                                        "memory",
                                                        dev.backstack.panel.model.Verdict.WARN,
                                                        "set limits",
                                                        new dev.backstack.panel.model.ResourceRef(
                                                                "Pod", "web", "web-2")),
                                                new dev.backstack.panel.model.ComplianceResult(
                                                        "openreports.io",
                                                        "web",
                                                        "disallow-latest-tag",
                                                        "latest-tag",
                                                        dev.backstack.panel.model.Verdict.FAIL,
                                                        "validation error: use a pinned tag",
                                                        new dev.backstack.panel.model.ResourceRef(
                                                                "Pod", "web", "web-1"))),
                                        0),
                                Optional.empty(),
                                Assessment.healthy("ok"))),
                        LineageStage.COMPLIANCE,
                        "applications Healthy, but PolicyReports aks-1: 1 failing and 0 erroring results in 2 reports; "
                                + "the worst: fail disallow-latest-tag/latest-tag: Pod/web-1 in web: validation error: "
                                + "use a pinned tag (and 1 more in the Compliance tab)"),
                Arguments.of(
                        "no claim: a spoke registered by hand",
                        SpokeFixture.spoke()
                                .noClaim()
                                .noComposite()
                                .clusterSecret(true)
                                .app("aks-1-kyverno", "Healthy", null),
                        passing(),
                        LineageStage.REQUEST,
                        "no AKSCluster or EKSCluster claim with id aks-1 on the hub"),
                Arguments.of("everything healthy", SpokeFixture.healthy(), passing(), null, null),
                Arguments.of(
                        "everything healthy, a composed kind the panel does not read",
                        SpokeFixture.healthy().unreadManaged("VirtualNetwork", "aks-1-vnet"),
                        passing(),
                        null,
                        null),
                Arguments.of(
                        "everything healthy, kubeconfig inferred from the cluster secret",
                        SpokeFixture.spoke()
                                .managed("KubernetesCluster", "aks-1-cluster", SpokeFixture.READY)
                                .clusterSecret(true)
                                .app("aks-1-kyverno", "Healthy", null),
                        passing(),
                        null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void findsTheFirstBrokenLink(
            String name, SpokeFixture fixture, Optional<Cluster> spoke, LineageStage stage, String message) {
        Lineage lineage = SpokeLineage.of(SpokeFixture.SPOKE, fixture.build(), spoke);

        if (stage == null) {
            assertThat(lineage.brokenLink()).isEmpty();
            assertThat(lineage.isComplete()).isTrue();
            assertThat(lineage.nodes()).allMatch(LineageNode::isHealthy);
        } else {
            assertThat(lineage.brokenLink()).hasValueSatisfying(b -> {
                assertThat(b.stage()).isEqualTo(stage);
                assertThat(b.node().stage()).isEqualTo(stage);
                assertThat(b.node().isHealthy()).isFalse();
                assertThat(b.message()).startsWith(message);
            });
        }
        assertThat(lineage.nodes()).extracting(LineageNode::stage).isSortedAccordingTo(Enum::compareTo);
        assertThat(lineage.nodes()).extracting(LineageNode::stage).contains(LineageStage.values());
    }

    @Test
    void ordersNodesAsTheSpokeComesToBeAndLeavesOtherClustersOut() {
        ObjectSet hub = SpokeFixture.healthy()
                .commit("3f9c2a1")
                .otherApp("apps-from-hub")
                .build();

        Lineage lineage = SpokeLineage.of(SpokeFixture.SPOKE, hub, passing());

        assertThat(lineage.root().label()).isEqualTo("AKSCluster team-a-spoke");
        assertThat(lineage.nodes())
                .extracting(n -> n.stage() + " " + n.label())
                .containsExactly(
                        "REQUEST AKSCluster team-a-spoke",
                        "REQUEST GitOps commit 3f9c2a1",
                        "COMPOSITE XAKSCluster aks-1-c8v4d",
                        "MANAGED ResourceGroup aks-1-rg",
                        "MANAGED KubernetesCluster aks-1-cluster",
                        "CONNECTION_SECRET Secret aks-1-kubeconfig",
                        "CLUSTER_SECRET Secret aks-1",
                        "APPLICATIONS Application aks-1-kyverno",
                        "APPLICATIONS Application aks-1-kyverno-policies",
                        "COMPLIANCE PolicyReports aks-1");
        assertThat(lineage.stage(LineageStage.MANAGED)).hasSize(2);
    }

    @Test
    void readsTheKubeconfigSecretWhenTheHubHoldsIt() {
        ObjectSet hub = SpokeFixture.spoke()
                .kubeconfigSecret()
                .managed("KubernetesCluster", "aks-1-cluster", SpokeFixture.READY)
                .build();

        Lineage lineage = SpokeLineage.of(SpokeFixture.SPOKE, hub, passing());

        assertThat(lineage.stage(LineageStage.CONNECTION_SECRET))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.isHealthy()).isTrue();
                    assertThat(n.label()).isEqualTo("Secret aks-1-kubeconfig");
                    assertThat(n.namespace()).isEqualTo("default");
                    assertThat(n.lastChanged()).contains(Instant.parse("2026-11-20T10:06:30Z"));
                });
        assertThat(lineage.brokenLink())
                .hasValueSatisfying(b -> assertThat(b.stage()).isEqualTo(LineageStage.CLUSTER_SECRET));
    }

    static Stream<Arguments> lastChanged() {
        return Stream.of(
                Arguments.of("AKSCluster team-a-spoke", "2026-11-20T10:05:00Z"),
                Arguments.of("KubernetesCluster aks-1-cluster", "2026-11-20T10:05:00Z"),
                Arguments.of("Secret aks-1-kubeconfig", "2026-11-20T10:06:00Z"),
                Arguments.of("Secret aks-1", "2026-11-20T10:07:00Z"),
                Arguments.of("Application aks-1-kyverno", "2026-11-20T10:12:00Z"),
                Arguments.of("GitOps commit 3f9c2a1", null),
                Arguments.of("PolicyReports aks-1", null));
    }

    @ParameterizedTest(name = "{0} last changed {1}")
    @MethodSource("lastChanged")
    void lastChangedIsTheNewestTransitionElseTheCreationTime(String label, String expected) {
        Lineage lineage = SpokeLineage.of(
                SpokeFixture.SPOKE, SpokeFixture.healthy().commit("3f9c2a1").build(), passing());

        LineageNode node = lineage.nodes().stream()
                .filter(n -> n.label().equals(label))
                .findFirst()
                .orElseThrow();

        assertThat(node.lastChanged()).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
    }

    static Stream<Arguments> partialData() {
        return Stream.of(
                Arguments.of("no hub objects at all", ObjectSet.EMPTY),
                Arguments.of("null hub", null),
                Arguments.of("malformed claim", ObjectSet.of(List.of(yaml("""
                        apiVersion: backstack.dev/v1alpha1
                        kind: EKSCluster
                        metadata: {name: aks-1, namespace: default}
                        spec: {parameters: nonsense, resourceRef: 42, writeConnectionSecretToRef: [1, 2]}
                        status: {conditions: [garbage, {type: Ready, lastTransitionTime: yesterday}]}
                        """)))),
                Arguments.of("secret without data", ObjectSet.of(List.of(yaml("""
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: aks-1, namespace: argocd, labels: {argocd.argoproj.io/secret-type: cluster}}
                        """)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partialData")
    @DisplayName("never throws on partial data: every stage is there, what is absent is Missing")
    void neverThrowsOnPartialData(String name, ObjectSet hub) {
        Lineage lineage = SpokeLineage.of(SpokeFixture.SPOKE, hub, Optional.empty());

        assertThat(lineage.brokenLink()).isPresent();
        assertThat(lineage.nodes()).extracting(LineageNode::stage).contains(LineageStage.values());
        assertThat(lineage.stage(LineageStage.COMPLIANCE))
                .singleElement()
                .satisfies(n -> assertThat(n.health()).isEqualTo(Health.MISSING));
        assertThat(lineage.nodes())
                .filteredOn(n -> n.health() == Health.MISSING)
                .allSatisfy(n -> assertThat(n.message()).isNotBlank());
    }
}
