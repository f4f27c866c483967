package dev.backstack.panel.model.rules;

import static dev.backstack.panel.model.TestObjects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.ObjectNode;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.StatusReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ComponentDetectorTest {

    static final String HELM_ERROR = "failed to install release: rendered manifests contain a resource that "
            + "already exists. Unable to continue with install: ServiceAccount \"backstage\" in namespace "
            + "\"backstage\" exists and cannot be imported into the current release: invalid ownership metadata; "
            + "label validation error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\"";

    static Component component(ObjectSet objects, ComponentKind kind) {
        List<Component> all = ComponentDetector.detect(objects);
        assertThat(all).extracting(Component::kind).containsExactly(ComponentKind.values());
        return all.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ComponentKind.class)
    void everyComponentOfAHealthyHubIsHealthyAndInstalledByTheHub(ComponentKind kind) {
        ObjectSet objects = HubFixture.hub().healthyBackStack().build();
        Component c = component(objects, kind);
        if (kind == ComponentKind.INGRESS) {
            assertThat(c.installed()).isFalse();
            return;
        }
        assertThat(c.installed()).isTrue();
        assertThat(c.health()).as(c.assessment().oneLine()).isEqualTo(Health.HEALTHY);
        if (kind != ComponentKind.CROSSPLANE) {
            assertThat(c.installedBy()).startsWith("BACK Stack Hub (Release hub-x7k2-");
        }
    }

    @Test
    @DisplayName(
            "a failing backstage Release degrades Backstage, with the path Hub -> XHub -> Release and the full message")
    void failingReleaseDegradesItsComponentWithThePathThroughTheHub() {
        String failing = "{type: Ready, status: 'False', reason: ReconcileError, message: '%s'}"
                .formatted(HELM_ERROR.replace("'", "''"));
        ObjectSet objects = HubFixture.hub()
                .hubReady("{type: Ready, status: 'False', reason: Creating, message: 'Unready resources: backstage'}")
                .release("argocd", "argo-cd", "argocd", HubFixture.READY)
                .release("backstage", "backstage", "backstage", failing)
                .deployment("argocd", "argocd-server")
                .deployment("backstage", "backstage")
                .build();

        Component backstage = component(objects, ComponentKind.BACKSTAGE);

        assertThat(backstage.installed()).isTrue();
        assertThat(backstage.health()).isEqualTo(Health.DEGRADED);
        StatusReason reason = backstage.assessment().reason().orElseThrow();
        assertThat(reason.path()).containsExactly("Hub hub", "XHub hub-x7k2", "Release hub-x7k2-backstage");
        assertThat(reason.message()).contains(HELM_ERROR);
        assertThat(backstage.installedBy()).isEqualTo("BACK Stack Hub (Release hub-x7k2-backstage)");
        assertThat(component(objects, ComponentKind.ARGO_CD).health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void missingReferencedReleaseShowsAsMissing() {
        ObjectSet objects = HubFixture.hub()
                .release("argocd", "argo-cd", "argocd", HubFixture.READY)
                .missingRelease("vault")
                .deployment("argocd", "argocd-server")
                .build();

        ObjectNode hub = HubTree.hubs(objects).get(0);
        ObjectNode vaultNode = hub.flatten().stream()
                .filter(n -> n.name().equals("hub-x7k2-vault"))
                .findFirst()
                .orElseThrow();
        assertThat(vaultNode.own().health()).isEqualTo(Health.MISSING);
        assertThat(hub.rolledUp().health()).isEqualTo(Health.MISSING);
        assertThat(hub.rolledUp().reason().orElseThrow().path())
                .containsExactly("Hub hub", "XHub hub-x7k2", "Release hub-x7k2-vault");

        Component vault = component(objects, ComponentKind.VAULT);
        assertThat(vault.installed()).isFalse();
        assertThat(vault.health()).isEqualTo(Health.MISSING);
    }

    @Test
    @DisplayName(
            "a plain Helm install is recognised by its workloads: installed by the Helm release, versioned by its label")
    void recognisesPlainHelmInstallByItsWorkloads() {
        Map<String, String> helm = Map.of(
                "app.kubernetes.io/managed-by",
                "Helm",
                "app.kubernetes.io/instance",
                "argo-cd",
                "app.kubernetes.io/version",
                "v2.10.1");
        ObjectSet objects = HubFixture.plain()
                .deployment("argocd", "argo-cd-argocd-repo-server", "quay.io/argoproj/argocd:v2.10.1", helm)
                .deployment("argocd", "argo-cd-argocd-server", "quay.io/argoproj/argocd:v2.10.1", helm)
                .build();

        Component argo = component(objects, ComponentKind.ARGO_CD);

        assertThat(argo.installed()).isTrue();
        assertThat(argo.health()).isEqualTo(Health.HEALTHY);
        assertThat(argo.installedBy()).isEqualTo("Helm release argo-cd");
        assertThat(argo.version()).isEqualTo("v2.10.1");
        assertThat(argo.tree())
                .extracting(ObjectNode::name)
                .containsExactly("argo-cd-argocd-repo-server", "argo-cd-argocd-server");
    }

    @ParameterizedTest(name = "image {0} -> version \"{1}\"")
    @CsvSource({
        "ghcr.io/backstage/backstage:1.23.4, 1.23.4",
        "'registry.local:5000/backstage/backstage:1.24.0', 1.24.0",
        "'ghcr.io/backstage/backstage:1.25.0@sha256:0123456789abcdef', 1.25.0",
        "'registry.local:5000/backstage/backstage', ''",
        "backstage, ''",
    })
    void takesTheVersionFromTheMainImageTagWhenThereIsNoVersionLabel(String image, String version) {
        ObjectSet objects = HubFixture.plain()
                .deployment(
                        "backstage",
                        "backstage",
                        image,
                        Map.of("app.kubernetes.io/managed-by", "Helm", "app.kubernetes.io/instance", "backstage"))
                .build();
        Component backstage = component(objects, ComponentKind.BACKSTAGE);
        assertThat(backstage.version()).isEqualTo(version);
        assertThat(backstage.installedBy()).isEqualTo("Helm release backstage");
    }

    @Test
    void workloadsWithoutHelmLabelsAreInstalledByManifests() {
        Component kyverno = component(
                HubFixture.plain()
                        .deployment("kyverno", "kyverno-admission-controller")
                        .build(),
                ComponentKind.KYVERNO);
        assertThat(kyverno.installedBy()).isEqualTo("manifests");
        assertThat(kyverno.version()).isEqualTo("1.0.0");
    }

    @Test
    void absentComponentIsMissingAndNotInstalled() {
        ObjectSet objects =
                HubFixture.plain().deployment("argocd", "argocd-server").build();

        Component kyverno = component(objects, ComponentKind.KYVERNO);

        assertThat(kyverno.installed()).isFalse();
        assertThat(kyverno.health()).isEqualTo(Health.MISSING);
        assertThat(kyverno.assessment().reason().orElseThrow().message())
                .contains("kyverno")
                .contains("not installed");
        assertThat(kyverno.version()).isEmpty();
        assertThat(kyverno.pods()).isEmpty();
    }

    @Test
    @DisplayName("a CrashLoopBackOff pod under a component's deployment degrades the component")
    void crashLoopingPodDegradesItsComponent() {
        ObjectSet objects = HubFixture.plain()
                .deployment("backstage", "backstage")
                .pod("backstage", "backstage", "backstage-5d9f-x1", """
                        {phase: Running, containerStatuses: [{name: backstage-backend, restartCount: 12,
                          state: {waiting: {reason: CrashLoopBackOff}},
                          lastState: {terminated: {reason: Error, exitCode: 1, message: 'Missing required config value'}}}]}""")
                .pod("backstage", "someone-else", "unrelated-pod", "{phase: Failed}")
                .build();

        Component backstage = component(objects, ComponentKind.BACKSTAGE);

        assertThat(backstage.health()).isEqualTo(Health.DEGRADED);
        StatusReason reason = backstage.assessment().reason().orElseThrow();
        assertThat(reason.path()).containsExactly("Deployment backstage", "Pod backstage-5d9f-x1");
        assertThat(reason.message())
                .contains("backstage-backend")
                .contains("12 restarts")
                .contains("Missing required config value");
        assertThat(backstage.pods()).containsExactly("backstage/backstage-5d9f-x1");
    }

    @Test
    void readyReleaseWithoutWorkloadsIsStillProgressing() {
        ObjectSet objects = HubFixture.hub()
                .release("backstage", "backstage", "backstage", HubFixture.READY)
                .build();
        Component backstage = component(objects, ComponentKind.BACKSTAGE);
        assertThat(backstage.installed()).isTrue();
        assertThat(backstage.health()).isEqualTo(Health.PROGRESSING);
        assertThat(backstage.version()).isEqualTo("1.2.3");
    }

    @Test
    void kyvernoIsTheKyvernoChartNotTheKyvernoPoliciesChart() {
        ObjectSet objects = HubFixture.hub()
                .release(
                        "kyverno-policies",
                        "kyverno-policies",
                        "kyverno",
                        "{type: Ready, status: 'False', reason: Unavailable}")
                .release("kyverno", "kyverno", "kyverno", HubFixture.READY)
                .deployment("kyverno", "kyverno-admission-controller")
                .build();
        Component kyverno = component(objects, ComponentKind.KYVERNO);
        assertThat(kyverno.installedBy()).isEqualTo("BACK Stack Hub (Release hub-x7k2-kyverno)");
        assertThat(kyverno.health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void crossplaneIsDegradedByAnUnhealthyProvider() {
        ObjectSet objects = HubFixture.plain()
                .deployment("crossplane-system", "crossplane")
                .add(yaml("""
                        apiVersion: pkg.crossplane.io/v1
                        kind: Provider
                        metadata: {name: upbound-provider-aws-eks, generation: 1}
                        status:
                          conditions:
                          - {type: Installed, status: 'True', observedGeneration: 1}
                          - {type: Healthy, status: 'False', reason: UnhealthyPackageRevision, observedGeneration: 1,
                             message: 'cannot resolve package dependencies: incompatible dependencies'}
                        """))
                .build();

        Component crossplane = component(objects, ComponentKind.CROSSPLANE);

        assertThat(crossplane.health()).isEqualTo(Health.DEGRADED);
        assertThat(crossplane.assessment().reason().orElseThrow().subject())
                .isEqualTo("Provider upbound-provider-aws-eks");
        assertThat(crossplane.tree()).extracting(ObjectNode::label).contains("Provider upbound-provider-aws-eks");
    }

    @Test
    void urlComesFromAnIngressHostOrElseFromTheReleaseValues() {
        ObjectSet withIngress = HubFixture.plain()
                .deployment("backstage", "backstage")
                .add(yaml("""
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {name: backstage, namespace: backstage}
                        spec:
                          rules: [{host: backstage.example.com}]
                          tls: [{hosts: [backstage.example.com], secretName: backstage-tls}]
                        """))
                .build();
        assertThat(component(withIngress, ComponentKind.BACKSTAGE).urlIfKnown())
                .contains("https://backstage.example.com");

        ObjectSet fromRelease = HubFixture.hub()
                .release(
                        "argocd",
                        "argo-cd",
                        "argocd",
                        HubFixture.READY,
                        "{server: {ingress: {hosts: [argocd.example.com]}}}")
                .release(
                        "vault",
                        "vault",
                        "vault",
                        HubFixture.READY,
                        "{server: {ingress: {hosts: [{host: vault.example.com}]}}}")
                .release("backstage", "backstage", "backstage", HubFixture.READY, "{ingress: {host: hostname}}")
                .build();
        assertThat(component(fromRelease, ComponentKind.ARGO_CD).url()).isEqualTo("https://argocd.example.com");
        assertThat(component(fromRelease, ComponentKind.VAULT).url()).isEqualTo("https://vault.example.com");
        assertThat(component(fromRelease, ComponentKind.BACKSTAGE).url())
                .as("unpatched placeholder")
                .isNull();
    }
}
