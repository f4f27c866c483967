package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A component whose own objects fail (a Kyverno policy not Ready, a Crossplane provider unhealthy)
 * is not Healthy on its card while it makes the hub red, and the card, the hub's roll-up and the
 * headless status give the same reason; its detail tree lists the failing object first.
 */
class ComponentOwnObjectsTest {

    static KubeObject clusterPolicy(String name, String readyCondition) {
        return yaml("""
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: %s}
                spec: {rules: []}
                status:
                  conditions:
                  - %s
                """.formatted(name, readyCondition));
    }

    static final String POLICY_READY = "{type: Ready, status: 'True', reason: Succeeded, message: Ready}";
    static final String POLICY_FAILED = "{type: Ready, status: 'False', reason: Failed, "
            + "message: 'webhook kyverno-resource-validating-webhook-cfg not configured'}";

    static Component component(ObjectSet objects, ComponentKind kind) {
        return ComponentDetector.detect(objects).stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    static Cluster hub(List<KubeObject> objects) {
        return ClusterAssembler.assemble(
                ClusterAssemblerTest.HUB, Reachability.REACHABLE, "v1.30.0", ObjectSet.of(objects));
    }

    @Test
    @DisplayName("a Kyverno policy that is not Ready degrades the Kyverno component, with the hub's reason and a hint")
    void failingPolicyDegradesKyverno() {
        List<KubeObject> objects =
                new ArrayList<>(HubFixture.hub().healthyBackStack().objects());
        objects.add(clusterPolicy("a-ready-policy", POLICY_READY));
        objects.add(clusterPolicy("require-run-as-nonroot", POLICY_FAILED));

        Cluster hub = hub(objects);
        Component kyverno = hub.components().stream()
                .filter(c -> c.kind() == ComponentKind.KYVERNO)
                .findFirst()
                .orElseThrow();

        assertThat(hub.health()).isEqualTo(Health.DEGRADED);
        assertThat(kyverno.health()).isEqualTo(Health.DEGRADED);
        assertThat(kyverno.assessment().reason().orElseThrow().subject())
                .isEqualTo("ClusterPolicy require-run-as-nonroot");
        assertThat(kyverno.assessment().reason().orElseThrow().message())
                .contains("webhook kyverno-resource-validating-webhook-cfg not configured");
        assertThat(kyverno.assessment().hint()).contains("Kyverno admission controller");
        assertThat(hub.assessment().reason()).isEqualTo(kyverno.assessment().reason());
        assertThat(kyverno.tree().get(0).label()).isEqualTo("ClusterPolicy require-run-as-nonroot");
        assertThat(kyverno.tree()).extracting(ObjectNode::label).contains("ClusterPolicy a-ready-policy");
    }

    @Test
    @DisplayName("with every policy Ready, Kyverno stays Healthy and lists its policies in its tree")
    void readyPoliciesKeepKyvernoHealthy() {
        List<KubeObject> objects =
                new ArrayList<>(HubFixture.hub().healthyBackStack().objects());
        objects.add(clusterPolicy("a-ready-policy", POLICY_READY));

        Component kyverno = component(ObjectSet.of(objects), ComponentKind.KYVERNO);

        assertThat(kyverno.health()).isEqualTo(Health.HEALTHY);
        assertThat(kyverno.tree()).extracting(ObjectNode::label).contains("ClusterPolicy a-ready-policy");
    }

    @Test
    @DisplayName("a provider that cannot pull its package degrades Crossplane, as the hub, with the registry hint")
    void providerThatCannotPullDegradesCrossplane() {
        List<KubeObject> objects =
                new ArrayList<>(HubFixture.hub().healthyBackStack().objects());
        objects.add(yaml("""
                apiVersion: pkg.crossplane.io/v1
                kind: Provider
                metadata: {name: provider-helm}
                spec: {package: xpkg.upbound.io/crossplane-contrib/provider-helm:v0.19.0}
                status:
                  conditions:
                  - {type: Installed, status: 'True', reason: ActivePackageRevision}
                  - {type: Healthy, status: 'True', reason: HealthyPackageRevision}
                """));
        objects.add(yaml("""
                apiVersion: pkg.crossplane.io/v1
                kind: Provider
                metadata: {name: provider-kubernetes}
                spec: {package: xpkg.upbound.io/crossplane-contrib/provider-kubernetes:v9.9.9}
                status:
                  conditions:
                  - {type: Installed, status: 'False', reason: UnpackingPackage,
                     message: 'cannot unpack package: failed to fetch package digest from remote: MANIFEST_UNKNOWN'}
                """));

        Cluster hub = hub(objects);
        Component crossplane = hub.components().stream()
                .filter(c -> c.kind() == ComponentKind.CROSSPLANE)
                .findFirst()
                .orElseThrow();

        assertThat(crossplane.health()).isEqualTo(Health.DEGRADED);
        assertThat(crossplane.assessment().reason().orElseThrow().subject()).isEqualTo("Provider provider-kubernetes");
        assertThat(crossplane.assessment().hint()).contains("registry").contains("pull secret");
        assertThat(hub.assessment().reason()).isEqualTo(crossplane.assessment().reason());
        assertThat(crossplane.tree().get(0).label()).isEqualTo("Provider provider-kubernetes");
    }

    @Test
    @DisplayName(
            "the detail tree lists the failing workload first, and its failing pod first; healthy ones keep their order")
    void treeListsTheFailingObjectFirst() {
        ObjectSet objects = HubFixture.hub()
                .healthyBackStack()
                .pod(
                        "argocd",
                        "argocd-repo-server",
                        "argocd-repo-server-a",
                        "{phase: Running, conditions: [{type: Ready, status: 'True'}]}")
                .pod("argocd", "argocd-repo-server", "argocd-repo-server-b", """
                        {phase: Running, containerStatuses: [{name: repo, restartCount: 4,
                         state: {waiting: {reason: CrashLoopBackOff}}}]}""")
                .build();

        Component argo = component(objects, ComponentKind.ARGO_CD);

        assertThat(argo.health()).isEqualTo(Health.DEGRADED);
        assertThat(argo.tree()).extracting(ObjectNode::label).startsWith("Deployment argocd-repo-server");
        assertThat(argo.tree().get(0).children())
                .extracting(ObjectNode::name)
                .containsExactly("argocd-repo-server-b", "argocd-repo-server-a");
        List<String> rest = argo.tree().stream().skip(1).map(ObjectNode::label).toList();
        assertThat(rest).containsSubsequence("Deployment argocd-applicationset-controller", "Deployment argocd-server");
        assertThat(argo.assessment().hint()).contains("Load log");
    }
}
