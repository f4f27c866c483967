package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpokeDetectorTest {

    /** An Argo CD cluster secret as the installer maps it: labels and {@code cluster.name/server}, no credentials. */
    static KubeObject clusterSecret(String secretName, String clusterName, String server, String clusterType) {
        String typeLabel = clusterType == null ? "" : ", clusterType: " + clusterType;
        return yaml("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: argocd
                  labels: {argocd.argoproj.io/secret-type: cluster, clusterId: %s%s}
                cluster: {name: %s, server: '%s'}
                """.formatted(secretName, clusterName, typeLabel, clusterName, server));
    }

    static KubeObject claim(String kind, String name, String id, String ready) {
        return yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: %s
                metadata: {name: %s, namespace: default}
                spec:
                  parameters: {id: %s, region: eastus, version: 1.28.5, nodes: {count: 3, instanceType: Standard_B2s}}
                  resourceRef: {apiVersion: backstack.dev/v1alpha1, kind: X%s, name: %s-abcde}
                  writeConnectionSecretToRef: {name: %s-kubeconfig}
                status: {conditions: [{type: Synced, status: 'True'}, %s]}
                """.formatted(kind, name, id, kind, name, id, ready));
    }

    static KubeObject composite(String kind, String name, String ready) {
        return yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: X%s
                metadata: {name: %s-abcde}
                spec: {resourceRefs: []}
                status: {conditions: [{type: Synced, status: 'True'}, %s]}
                """.formatted(kind, name, ready));
    }

    static KubeObject app(String name, String destination, String health) {
        return yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd}
                spec: {project: default, destination: %s}
                status: {health: {status: %s}, sync: {status: Synced}}
                """.formatted(name, destination, health));
    }

    static final String READY = "{type: Ready, status: 'True'}";

    static Cluster only(List<Cluster> spokes) {
        assertThat(spokes).hasSize(1);
        return spokes.get(0);
    }

    @Test
    void findsSpokesFromArgoCdClusterSecretsLabelledSpoke() {
        ObjectSet hub = ObjectSet.of(List.of(
                clusterSecret("spoke-aks", "spoke-aks", "https://spoke-aks.hcp.eastus.azmk8s.io:443", "spoke"),
                clusterSecret("hub", "hub", "https://kubernetes.default.svc", null),
                clusterSecret("other", "other", "https://other.example.com", "shared")));

        Cluster spoke = only(SpokeDetector.detect(hub, List.of()));

        assertThat(spoke.name()).isEqualTo("spoke-aks");
        assertThat(spoke.id()).isEqualTo("spoke-aks");
        assertThat(spoke.role()).isEqualTo(ClusterRole.SPOKE);
        assertThat(spoke.server()).isEqualTo("https://spoke-aks.hcp.eastus.azmk8s.io:443");
        assertThat(spoke.sources()).containsExactly("Argo CD cluster secret");
    }

    @Test
    void findsSpokesFromClusterClaimsByTheirParameterId() {
        ObjectSet hub = ObjectSet.of(List.of(
                claim("AKSCluster", "team-a-request", "aks-team-a", READY),
                composite("AKSCluster", "team-a-request", READY),
                claim("EKSCluster", "eks-demo", "eks-demo", "{type: Ready, status: 'False', reason: Creating}"),
                composite("EKSCluster", "eks-demo", "{type: Ready, status: 'False', reason: Creating}")));

        List<Cluster> spokes = SpokeDetector.detect(hub, List.of());

        assertThat(spokes).extracting(Cluster::name).containsExactly("aks-team-a", "eks-demo");
        assertThat(spokes.get(0).sources()).containsExactly("AKSCluster claim");
        assertThat(spokes.get(0).claim()).map(Assessment::health).contains(Health.HEALTHY);
        assertThat(spokes.get(1).sources()).containsExactly("EKSCluster claim");
        assertThat(spokes.get(1).claim()).map(Assessment::health).contains(Health.PROGRESSING);
        assertThat(spokes.get(1).health()).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void claimWithAMissingCompositeIsNotHealthy() {
        ObjectSet hub = ObjectSet.of(List.of(claim("AKSCluster", "aks-1", "aks-1", READY)));
        Cluster spoke = only(SpokeDetector.detect(hub, List.of()));
        assertThat(spoke.claim()).map(Assessment::health).contains(Health.MISSING);
        assertThat(spoke.health()).isEqualTo(Health.MISSING);
    }

    @Test
    @DisplayName("a spoke known from its claim, its cluster secret and a connection is one spoke")
    void mergesOneSpokeFoundSeveralWays() {
        String server = "https://aks-1.hcp.eastus.azmk8s.io:443";
        ObjectSet hub = ObjectSet.of(List.of(
                claim("AKSCluster", "aks-1", "aks-1", READY),
                composite("AKSCluster", "aks-1", READY),
                clusterSecret("aks-1", "aks-1", server, "spoke")));
        Cluster connected = new Cluster(
                "ctx-aks",
                "aks-1-admin",
                ClusterRole.SPOKE,
                server,
                Set.of("kubeconfig context"),
                Reachability.REACHABLE,
                "v1.28.5",
                List.of(),
                List.of(),
                List.of(),
                dev.backstack.panel.model.ComplianceSummary.EMPTY,
                java.util.Optional.empty(),
                Assessment.healthy("all components healthy"));

        Cluster spoke = only(SpokeDetector.detect(hub, List.of(connected)));

        assertThat(spoke.name()).isEqualTo("aks-1");
        assertThat(spoke.server()).isEqualTo(server);
        assertThat(spoke.sources())
                .containsExactlyInAnyOrder("AKSCluster claim", "Argo CD cluster secret", "kubeconfig context");
        assertThat(spoke.reachability().isReachable()).isTrue();
        assertThat(spoke.kubernetesVersion()).isEqualTo("v1.28.5");
        assertThat(spoke.health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void attachesTheApplicationsThatTargetEachSpoke() {
        ObjectSet hub = ObjectSet.of(List.of(
                clusterSecret("aks-1", "aks-1", "https://aks-1.example.com", "spoke"),
                clusterSecret("eks-1", "eks-1", "https://eks-1.example.com", "spoke"),
                app("aks-1-kyverno", "{server: 'https://aks-1.example.com', namespace: kyverno}", "Healthy"),
                app("aks-1-kyverno-policies", "{name: aks-1, namespace: kyverno}", "Degraded"),
                app("eks-1-kyverno", "{server: 'https://eks-1.example.com', namespace: kyverno}", "Progressing"),
                app("clusters", "{name: in-cluster, namespace: default}", "Healthy")));

        List<Cluster> spokes = SpokeDetector.detect(hub, List.of());

        assertThat(spokes).extracting(Cluster::name).containsExactly("aks-1", "eks-1");
        assertThat(spokes.get(0).applications())
                .extracting(ApplicationStatus::name)
                .containsExactly("aks-1-kyverno", "aks-1-kyverno-policies");
        assertThat(spokes.get(0).health()).isEqualTo(Health.DEGRADED);
        assertThat(spokes.get(0).assessment().reason().orElseThrow().subject())
                .isEqualTo("Application aks-1-kyverno-policies");
        assertThat(spokes.get(1).applications())
                .extracting(ApplicationStatus::name)
                .containsExactly("eks-1-kyverno");
        assertThat(spokes.get(1).health()).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void spokeKnownOnlyFromTheHubSaysItIsNotConnected() {
        ObjectSet hub = ObjectSet.of(List.of(clusterSecret("aks-1", "aks-1", "https://aks-1.example.com", "spoke")));

        Cluster spoke = only(SpokeDetector.detect(hub, List.of()));

        assertThat(spoke.reachability().state()).isEqualTo(Reachability.State.NOT_CONNECTED);
        assertThat(spoke.reachability().message()).contains("kubeconfig context");
        assertThat(spoke.components()).isEmpty();
        assertThat(spoke.health()).as("nothing known about it").isEqualTo(Health.UNKNOWN);
    }

    @Test
    void unreachableConnectedSpokeIsUnknownEvenWithAReadyClaimAndHealthyApps() {
        ObjectSet hub = ObjectSet.of(List.of(
                claim("EKSCluster", "eks-1", "eks-1", READY),
                composite("EKSCluster", "eks-1", READY),
                app("eks-1-kyverno", "{name: eks-1, namespace: kyverno}", "Healthy")));
        Reachability down = Reachability.unreachable("i/o timeout");
        Cluster connected = ClusterAssembler.assemble(
                new ClusterAssembler.Identity(
                        "eks-1", "eks-1", ClusterRole.SPOKE, "https://eks-1.example.com", Set.of("kubeconfig context")),
                down,
                "",
                ObjectSet.EMPTY);

        Cluster spoke = only(SpokeDetector.detect(hub, List.of(connected)));

        assertThat(spoke.health()).isEqualTo(Health.UNKNOWN);
        assertThat(spoke.assessment().reason().orElseThrow().message()).contains("i/o timeout");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "an unreachable spoke whose claim is not Ready yet is provisioning, not connection refused")
    void unreachableSpokeStillBeingCreatedIsProvisioning() {
        ObjectSet hub = ObjectSet.of(List.of(
                claim("EKSCluster", "eks-1", "eks-1", "{type: Ready, status: 'False', reason: Creating}"),
                composite("EKSCluster", "eks-1", "{type: Ready, status: 'False', reason: Creating}")));
        Cluster connected = ClusterAssembler.assemble(
                new ClusterAssembler.Identity(
                        "eks-1", "eks-1", ClusterRole.SPOKE, "https://eks-1.example.com", Set.of("kubeconfig context")),
                Reachability.unreachable("connection refused"),
                "",
                ObjectSet.EMPTY);

        Cluster spoke = only(SpokeDetector.detect(hub, List.of(connected)));

        assertThat(spoke.health()).isEqualTo(Health.PROGRESSING);
        assertThat(spoke.assessment().summary()).isEqualTo("provisioning");
        assertThat(spoke.assessment().reason().orElseThrow().message())
                .startsWith("being created")
                .doesNotContain("connection refused");
    }

    @Test
    void connectedSpokeWithoutHubRecordIsStillListed() {
        Cluster connected = ClusterAssembler.assemble(
                new ClusterAssembler.Identity(
                        "dev", "dev", ClusterRole.SPOKE, "https://dev.example.com", Set.of("kubeconfig context")),
                Reachability.REACHABLE,
                "v1.30.0",
                ObjectSet.EMPTY);
        Cluster spoke = only(SpokeDetector.detect(ObjectSet.EMPTY, List.of(connected)));
        assertThat(spoke.name()).isEqualTo("dev");
        assertThat(spoke.sources()).containsExactly("kubeconfig context");
        assertThat(spoke.reachability().isReachable()).isTrue();
        assertThat(spoke.health())
                .as("a spoke does not need the hub's BACK components")
                .isEqualTo(Health.HEALTHY);
        assertThat(spoke.components())
                .filteredOn(c -> c.kind().isBack())
                .allSatisfy(c -> assertThat(c.installed()).isFalse());
    }

    @Test
    void noSpokesOnAnEmptyHub() {
        List<KubeObject> objects =
                new ArrayList<>(HubFixture.hub().healthyBackStack().objects());
        assertThat(SpokeDetector.detect(ObjectSet.of(objects), List.of())).isEmpty();
    }
}
