package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterAssemblerTest {

    static final ClusterAssembler.Identity HUB = new ClusterAssembler.Identity(
            "kind-hub", "kind-hub", ClusterRole.HUB, "https://127.0.0.1:6443", Set.of("kubeconfig context"));

    static KubeObject app(String name, String destination, String health) {
        return yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd}
                spec: {project: default, destination: %s}
                status: {health: {status: %s, message: '%s is %s'}, sync: {status: Synced}}
                """.formatted(name, destination, health, name, health));
    }

    static KubeObject readyPolicy(String name) {
        return yaml("""
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: %s}
                spec: {validationFailureAction: Enforce}
                status: {conditions: [{type: Ready, status: 'True'}]}
                """.formatted(name));
    }

    static List<KubeObject> healthyHub() {
        List<KubeObject> objects =
                new ArrayList<>(HubFixture.hub().healthyBackStack().objects());
        objects.add(app("clusters", "{name: in-cluster, namespace: default}", "Healthy"));
        objects.add(readyPolicy("restrict-node-size-policy"));
        return objects;
    }

    @Test
    void healthyHubIsHealthy() {
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "v1.29.2", ObjectSet.of(healthyHub()));
        assertThat(hub.health()).as(hub.assessment().oneLine()).isEqualTo(Health.HEALTHY);
        assertThat(hub.components()).hasSize(ComponentKind.values().length);
        assertThat(hub.applications()).extracting(ApplicationStatus::name).containsExactly("clusters");
        assertThat(hub.policies()).extracting(PolicyStatus::mode).containsExactly("Enforce");
        assertThat(hub.kubernetesVersion()).isEqualTo("v1.29.2");
    }

    @Test
    @DisplayName(
            "an unreachable cluster is Unknown, every component on it is Unknown, even when its objects look healthy")
    void unreachableClusterIsNeverGreen() {
        Cluster hub = ClusterAssembler.assemble(
                HUB,
                Reachability.unreachable("dial tcp 127.0.0.1:6443: connection refused"),
                "",
                ObjectSet.of(healthyHub()));

        assertThat(hub.health()).isEqualTo(Health.UNKNOWN);
        assertThat(hub.assessment().reason().orElseThrow().message()).contains("connection refused");
        assertThat(hub.components()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.health()).as(c.kind().name()).isEqualTo(Health.UNKNOWN);
            assertThat(c.assessment().reason().orElseThrow().message()).contains("connection refused");
        });
        assertThat(hub.component(ComponentKind.BACKSTAGE))
                .map(Component::installed)
                .contains(true);
        assertThat(hub.applications())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.health()).isEqualTo(Health.UNKNOWN));
        assertThat(hub.policies())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.assessment().health()).isEqualTo(Health.UNKNOWN));
    }

    @Test
    void connectingClusterIsUnknownToo() {
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.CONNECTING, "", ObjectSet.of(healthyHub()));
        assertThat(hub.health()).isEqualTo(Health.UNKNOWN);
        assertThat(hub.components()).allSatisfy(c -> assertThat(c.health()).isEqualTo(Health.UNKNOWN));
    }

    @Test
    void missingBackComponentMakesTheHubMissingButAMissingSupportingPieceDoesNot() {
        List<KubeObject> noKyverno = HubFixture.plain()
                .deployment("argocd", "argocd-server")
                .deployment("backstage", "backstage")
                .deployment("crossplane-system", "crossplane")
                .objects();
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(noKyverno));
        assertThat(hub.health()).isEqualTo(Health.MISSING);
        assertThat(hub.assessment().reason().orElseThrow().subject()).isEqualTo("Kyverno");

        List<KubeObject> allBack = new ArrayList<>(noKyverno);
        allBack.addAll(HubFixture.plain()
                .deployment("kyverno", "kyverno-admission-controller")
                .objects());
        Cluster complete = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(allBack));
        assertThat(complete.component(ComponentKind.VAULT))
                .map(Component::installed)
                .contains(false);
        assertThat(complete.health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void degradedApplicationOnTheHubDegradesIt() {
        List<KubeObject> objects = healthyHub();
        objects.add(app("apps", "{server: 'https://kubernetes.default.svc', namespace: default}", "Degraded"));
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(objects));
        assertThat(hub.health()).isEqualTo(Health.DEGRADED);
        assertThat(hub.assessment().reason().orElseThrow().subject()).isEqualTo("Application apps");
    }

    @Test
    void applicationsDeployingToASpokeDoNotCountOnTheHub() {
        List<KubeObject> objects = healthyHub();
        objects.add(app("spoke-1-kyverno", "{server: 'https://spoke-1.example.com', namespace: kyverno}", "Degraded"));
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(objects));
        assertThat(hub.health()).isEqualTo(Health.HEALTHY);
        assertThat(hub.applications()).extracting(ApplicationStatus::name).contains("spoke-1-kyverno");
    }

    @Test
    @DisplayName(
            "applications targeting the hub by its Argo CD cluster name (the reference's destination.name: hub) count on the hub")
    void applicationsTargetingTheHubByItsClusterSecretNameCount() {
        List<KubeObject> objects = healthyHub();
        objects.add(yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: hub, namespace: argocd, labels: {argocd.argoproj.io/secret-type: cluster}}
                cluster: {name: hub, server: 'https://kubernetes.default.svc'}
                """));
        objects.add(app("clusters-from-hub", "{name: hub, namespace: default}", "Degraded"));

        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(objects));

        assertThat(hub.health()).isEqualTo(Health.DEGRADED);
        assertThat(hub.assessment().reason().orElseThrow().subject()).isEqualTo("Application clusters-from-hub");
    }

    @Test
    @DisplayName("a failing object composed by the Hub, which no component owns, still degrades the hub")
    void failingObjectUnderTheHubDegradesTheHub() {
        List<KubeObject> objects = new ArrayList<>(healthyHub());
        objects.removeIf(o -> o.kind().equals("XHub"));
        objects.add(yaml("""
                apiVersion: backstack.dev/v1alpha1
                kind: XHub
                metadata: {name: hub-x7k2}
                spec:
                  resourceRefs:
                  - {apiVersion: helm.crossplane.io/v1beta1, kind: Release, name: hub-x7k2-backstage}
                  - {apiVersion: kubernetes.crossplane.io/v1alpha1, kind: Object, name: hub-x7k2-hub-secret}
                status: {conditions: [{type: Synced, status: 'True'}, {type: Ready, status: 'True'}]}
                """));
        objects.add(yaml("""
                apiVersion: kubernetes.crossplane.io/v1alpha1
                kind: Object
                metadata: {name: hub-x7k2-hub-secret}
                status:
                  conditions:
                  - {type: Synced, status: 'False', reason: ReconcileError,
                     message: 'cannot create object: secrets "hub" is forbidden'}
                  - {type: Ready, status: 'True'}
                """));

        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(objects));

        assertThat(hub.health()).isEqualTo(Health.DEGRADED);
        assertThat(hub.assessment().reason().orElseThrow().path())
                .containsExactly("Hub hub", "XHub hub-x7k2", "Object hub-x7k2-hub-secret");
        assertThat(hub.assessment().reason().orElseThrow().message()).contains("secrets \"hub\" is forbidden");
    }

    @Test
    void policyWithoutReadyConditionKeepsTheHubFromBeingGreen() {
        List<KubeObject> objects = healthyHub();
        objects.add(yaml("""
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: require-pod-probes}
                spec: {validationFailureAction: audit}
                status: {ready: true}
                """));
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(objects));
        assertThat(hub.health()).isEqualTo(Health.PROGRESSING);
        assertThat(hub.policies())
                .extracting(PolicyStatus::name)
                .containsExactly("require-pod-probes", "restrict-node-size-policy");
    }

    @Test
    void sumsPolicyReportsIntoTheClusterCompliance() {
        List<KubeObject> objects = healthyHub();
        objects.add(yaml("""
                apiVersion: wgpolicyk8s.io/v1alpha2
                kind: PolicyReport
                metadata: {name: r1, namespace: backstage}
                summary: {pass: 4, fail: 1}
                """));
        objects.add(yaml("""
                apiVersion: wgpolicyk8s.io/v1alpha2
                kind: ClusterPolicyReport
                metadata: {name: r2}
                summary: {pass: 2}
                """));
        Cluster hub = ClusterAssembler.assemble(HUB, Reachability.REACHABLE, "", ObjectSet.of(objects));
        assertThat(hub.compliance().reports()).isEqualTo(2);
        assertThat(hub.compliance().total().pass()).isEqualTo(6);
        assertThat(hub.compliance().total().fail()).isEqualTo(1);
    }

    @Test
    void spokeNeedsNoBackComponentsButItsInstalledOnesAndAllItsApplicationsCount() {
        ClusterAssembler.Identity spoke = new ClusterAssembler.Identity(
                "aks-1", "aks-1", ClusterRole.SPOKE, "https://aks-1.example.com", Set.of("kubeconfig context"));
        List<KubeObject> kyvernoOnly = HubFixture.plain()
                .deployment("kyverno", "kyverno-admission-controller")
                .objects();
        assertThat(ClusterAssembler.assemble(spoke, Reachability.REACHABLE, "", ObjectSet.of(kyvernoOnly))
                        .health())
                .isEqualTo(Health.HEALTHY);

        List<KubeObject> withCrash = new ArrayList<>(kyvernoOnly);
        withCrash.addAll(HubFixture.plain()
                .pod(
                        "kyverno",
                        "kyverno-admission-controller",
                        "kac-1",
                        "{phase: Running, containerStatuses: [{name: kyverno, state: {waiting: {reason: CrashLoopBackOff}}}]}")
                .objects());
        assertThat(ClusterAssembler.assemble(spoke, Reachability.REACHABLE, "", ObjectSet.of(withCrash))
                        .health())
                .isEqualTo(Health.DEGRADED);

        List<KubeObject> withApp = new ArrayList<>(kyvernoOnly);
        withApp.add(app("guestbook", "{server: 'https://guestbook.example.com', namespace: demo}", "Missing"));
        assertThat(ClusterAssembler.assemble(spoke, Reachability.REACHABLE, "", ObjectSet.of(withApp))
                        .health())
                .isEqualTo(Health.MISSING);
    }
}
