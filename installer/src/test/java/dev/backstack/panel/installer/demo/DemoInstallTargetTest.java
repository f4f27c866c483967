package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.helm.ChartRef;
import dev.backstack.panel.installer.helm.HelmDriver;
import dev.backstack.panel.installer.helm.HelmRelease;
import dev.backstack.panel.installer.helm.HelmResult;
import dev.backstack.panel.installer.helm.KubeAccess;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The install wizard's path on the demo fleet's empty install target, step by step as the plan
 * engine takes it: simulated Helm, Crossplane packages, XRDs, provider-helm's ProviderConfig (and
 * its one refusal), then the Hub claim composed into a BACK hub.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoInstallTargetTest {

    private static final String MANAGER = "back-stack-desktop";
    private static final KindRegistry KINDS = KindRegistry.standard();
    private static final ChartRef CROSSPLANE =
            new ChartRef("crossplane", "https://charts.crossplane.io/stable", "1.17.1");

    private static DemoFleet fleet;
    private static KubernetesClient client;
    private static HelmDriver helm;
    private static KubeAccess access;

    @BeforeAll
    static void startFleet() {
        fleet = DemoFleet.start(50);
        client = fleet.installTarget().client();
        helm = fleet.helm();
        access = fleet.installTargetAccess();
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            op(String apiVersion, String kind) {
        KindInfo k = KINDS.require(apiVersion, kind);
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(k.group())
                .withVersion(k.version())
                .withKind(k.kind())
                .withPlural(k.plural())
                .withNamespaced(k.namespaced())
                .build());
    }

    static NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            op(String apiVersion, String kind, String ns) {
        return op(apiVersion, kind).inNamespace(ns);
    }

    static GenericKubernetesResource apply(GenericKubernetesResource o) {
        var all = op(o.getApiVersion(), o.getKind());
        String ns = o.getMetadata().getNamespace();
        return (ns == null ? all.resource(o) : all.inNamespace(ns).resource(o))
                .fieldManager(MANAGER)
                .serverSideApply();
    }

    @SuppressWarnings("unchecked")
    static String condition(GenericKubernetesResource o, String type) {
        Object status = o == null ? null : o.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s && s.get("conditions") instanceof List<?> conditions) {
            for (Object c : conditions) {
                Map<String, Object> m = (Map<String, Object>) c;
                if (type.equals(m.get("type"))) {
                    return String.valueOf(m.get("status"));
                }
            }
        }
        return "absent";
    }

    static GenericKubernetesResource crd(String name) {
        return op("apiextensions.k8s.io/v1", "CustomResourceDefinition")
                .withName(name)
                .get();
    }

    static int available(GenericKubernetesResource deployment) {
        Object status =
                deployment == null ? null : deployment.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> s && s.get("availableReplicas") instanceof Number n ? n.intValue() : 0;
    }

    @Test
    @Order(1)
    @DisplayName("the install target is an empty hub-role cluster outside the fleet view, its user a cluster admin")
    void emptyAndApart() {
        assertThat(fleet.members()).extracting(DemoFleet.Member::name).doesNotContain(DemoFleet.INSTALL_TARGET);
        assertThat(fleet.installTarget().name()).isEqualTo("empty-cluster");
        assertThat(fleet.installTarget().role()).isEqualTo(ClusterRole.HUB);
        assertThat(op("apiextensions.k8s.io/v1", "CustomResourceDefinition")
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(op("apps/v1", "Deployment").inAnyNamespace().list().getItems())
                .isEmpty();
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.33.4");
        assertThat(access.kubeconfigYaml()).contains(fleet.installTarget().server());
    }

    @Test
    @Order(2)
    @DisplayName("simulated Helm: template, dry run, install (Deployment becomes available, CRDs), upgrade, uninstall")
    void helmInstall() throws Exception {
        HelmRelease crossplane = new HelmRelease("crossplane", "crossplane-system", CROSSPLANE, Map.of());
        assertThat(helm.template(crossplane))
                .contains("kind: Deployment", "name: crossplane", "app.kubernetes.io/instance: crossplane");

        HelmResult dry = helm.installOrUpgrade(crossplane, access, true);
        assertThat(dry.status()).isEqualTo("pending-install");
        assertThat(op("apps/v1", "Deployment", "crossplane-system")
                        .withName("crossplane")
                        .get())
                .isNull();
        assertThat(crd("providers.pkg.crossplane.io")).isNull();
        assertThat(helm.status("crossplane", "crossplane-system", access)).isEmpty();

        HelmResult installed = helm.installOrUpgrade(crossplane, access, false);
        assertThat(installed.deployed()).isTrue();
        assertThat(installed.revision()).isEqualTo(1);
        GenericKubernetesResource deployment = op("apps/v1", "Deployment", "crossplane-system")
                .withName("crossplane")
                .get();
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/instance", "crossplane")
                .containsEntry("app.kubernetes.io/name", "crossplane");
        DemoAwait.until(
                "the crossplane Deployment is available",
                () -> op("apps/v1", "Deployment", "crossplane-system")
                        .withName("crossplane")
                        .get(),
                d -> available(d) == 1 && condition(d, "Available").equals("True"));
        for (String name : List.of(
                "providers.pkg.crossplane.io",
                "functions.pkg.crossplane.io",
                "configurations.pkg.crossplane.io",
                "providerrevisions.pkg.crossplane.io",
                "deploymentruntimeconfigs.pkg.crossplane.io",
                "imageconfigs.pkg.crossplane.io",
                "compositeresourcedefinitions.apiextensions.crossplane.io",
                "compositions.apiextensions.crossplane.io")) {
            assertThat(condition(crd(name), "Established")).as(name).isEqualTo("True");
        }
        assertThat(op("v1", "Secret", "crossplane-system")
                        .withName("sh.helm.release.v1.crossplane.v1")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("owner", "helm")
                .containsEntry("status", "deployed")
                .containsEntry("name", "crossplane")
                .containsEntry("version", "1");
        assertThat(helm.status("crossplane", "crossplane-system", access))
                .contains(new HelmResult("crossplane", "crossplane-system", 1, "deployed", "1.17.1"));

        HelmResult upgraded = helm.installOrUpgrade(crossplane, access, false);
        assertThat(upgraded.revision()).isEqualTo(2);
        assertThat(op("v1", "Secret", "crossplane-system")
                        .withName("sh.helm.release.v1.crossplane.v1")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("status", "superseded");

        HelmRelease argo = new HelmRelease(
                "argocd",
                "argocd",
                new ChartRef("argo-cd", "https://argoproj.github.io/argo-helm", "5.55.0"),
                Map.of());
        helm.installOrUpgrade(argo, access, false);
        assertThat(condition(crd("applications.argoproj.io"), "Established")).isEqualTo("True");
        helm.uninstall("argocd", "argocd", access);
        assertThat(op("apps/v1", "Deployment", "argocd").withName("argocd").get())
                .isNull();
        assertThat(helm.status("argocd", "argocd", access)).isEmpty();
        helm.uninstall("argocd", "argocd", access);
    }

    @Test
    @Order(3)
    @DisplayName("Provider and Function go Installed then Healthy; a healthy provider-helm brings its CRDs")
    void packagesBecomeHealthy() throws Exception {
        apply(Manifests.of("pkg.crossplane.io/v1", "Provider", null, "crossplane-contrib-provider-helm")
                .spec(Manifests.map("package", "xpkg.upbound.io/crossplane-contrib/provider-helm:v0.19.0"))
                .build());
        apply(Manifests.of("pkg.crossplane.io/v1", "Function", null, "crossplane-contrib-function-patch-and-transform")
                .spec(Manifests.map(
                        "package", "xpkg.upbound.io/crossplane-contrib/function-patch-and-transform:v0.7.0"))
                .build());
        DemoAwait.until(
                "provider-helm Installed",
                () -> op("pkg.crossplane.io/v1", "Provider")
                        .withName("crossplane-contrib-provider-helm")
                        .get(),
                p -> condition(p, "Installed").equals("True"));
        DemoAwait.until(
                "provider-helm Healthy",
                () -> op("pkg.crossplane.io/v1", "Provider")
                        .withName("crossplane-contrib-provider-helm")
                        .get(),
                p -> condition(p, "Healthy").equals("True"));
        DemoAwait.until(
                "the function Healthy",
                () -> op("pkg.crossplane.io/v1", "Function")
                        .withName("crossplane-contrib-function-patch-and-transform")
                        .get(),
                p -> condition(p, "Healthy").equals("True"));
        DemoAwait.until(
                "provider-helm's CRDs",
                () -> crd("providerconfigs.helm.crossplane.io"),
                c -> condition(c, "Established").equals("True"));
        assertThat(condition(crd("releases.helm.crossplane.io"), "Established")).isEqualTo("True");
    }

    @Test
    @Order(4)
    @DisplayName("the first apply of the helm ProviderConfig is refused by its webhook, the retry passes")
    void providerConfigFailsOnce() {
        GenericKubernetesResource pc = Manifests.of("helm.crossplane.io/v1beta1", "ProviderConfig", null, "default")
                .spec(Manifests.map("credentials", Manifests.map("source", "InjectedIdentity")))
                .build();
        var pcs = op("helm.crossplane.io/v1beta1", "ProviderConfig");
        assertThat(pcs.resource(pc).dryRun().fieldManager(MANAGER).serverSideApply())
                .isNotNull();
        assertThatThrownBy(() -> pcs.resource(pc).fieldManager(MANAGER).serverSideApply())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(500);
                    assertThat(e.getStatus().getMessage())
                            .contains(
                                    "failed calling webhook \"providerconfigs.helm.crossplane.io\"",
                                    "no endpoints available for service \"provider-helm\"",
                                    "simulated");
                });
        assertThat(pcs.withName("default").get()).isNull();
        assertThat(pcs.resource(pc)
                        .fieldManager(MANAGER)
                        .serverSideApply()
                        .getMetadata()
                        .getName())
                .isEqualTo("default");
        assertThat(pcs.resource(pc).fieldManager(MANAGER).forceConflicts().serverSideApply())
                .isNotNull();
    }

    @Test
    @Order(5)
    @DisplayName("an XRD goes Established and Offered, and its composite and claim CRDs are served")
    void xrdEstablished() throws Exception {
        apply(Manifests.of("apiextensions.crossplane.io/v1", "CompositeResourceDefinition", null, "xhubs.backstack.dev")
                .spec(Manifests.map(
                        "group",
                        "backstack.dev",
                        "names",
                        Manifests.map("kind", "XHub", "plural", "xhubs"),
                        "claimNames",
                        Manifests.map("kind", "Hub", "plural", "hubs"),
                        "versions",
                        Manifests.list(Manifests.map("name", "v1alpha1", "served", true, "referenceable", true))))
                .build());
        GenericKubernetesResource xrd = DemoAwait.until(
                "the XRD Offered",
                () -> op("apiextensions.crossplane.io/v1", "CompositeResourceDefinition")
                        .withName("xhubs.backstack.dev")
                        .get(),
                x -> condition(x, "Offered").equals("True"));
        assertThat(condition(xrd, "Established")).isEqualTo("True");
        assertThat(condition(crd("hubs.backstack.dev"), "Established")).isEqualTo("True");
        assertThat(condition(crd("xhubs.backstack.dev"), "Established")).isEqualTo("True");
    }

    @Test
    @Order(6)
    @DisplayName("a Hub claim is composed: XHub, four provider-helm Releases, their Deployments, then Ready")
    void hubClaimComposed() throws Exception {
        apply(Manifests.of("backstack.dev/v1alpha1", "Hub", "default", "hub")
                .spec(Manifests.map("parameters", Manifests.map("clusterId", "local")))
                .build());
        GenericKubernetesResource claim = DemoAwait.until(
                "the Hub claim Ready",
                () -> op("backstack.dev/v1alpha1", "Hub", "default")
                        .withName("hub")
                        .get(),
                c -> condition(c, "Ready").equals("True"));
        assertThat(condition(claim, "Synced")).isEqualTo("True");
        String xr = HubComposer.compositeName(claim);
        assertThat(condition(op("backstack.dev/v1alpha1", "XHub").withName(xr).get(), "Ready"))
                .isEqualTo("True");
        List<GenericKubernetesResource> releases =
                op("helm.crossplane.io/v1beta1", "Release").list().getItems();
        assertThat(releases)
                .extracting(r -> r.getMetadata().getName())
                .containsExactlyInAnyOrder(xr + "-cert-manager", xr + "-argo-cd", xr + "-backstage", xr + "-kyverno");
        assertThat(releases)
                .allMatch(r -> condition(r, "Ready").equals("True")
                        && condition(r, "Synced").equals("True"));
        for (String[] d : new String[][] {
            {"cert-manager", "cert-manager"},
            {"argocd", "argocd-server"},
            {"backstage", "backstage"},
            {"kyverno", "kyverno-admission-controller"}
        }) {
            assertThat(available(
                            op("apps/v1", "Deployment", d[0]).withName(d[1]).get()))
                    .as(d[1])
                    .isEqualTo(1);
        }
        assertThat(Optional.ofNullable(crd("clusterpolicies.kyverno.io"))).isPresent();
    }

    @Test
    @Order(9)
    @DisplayName("the live status engine sees the composed hub's BACK components Healthy on the install target")
    void liveEngineSeesBackHub() throws Exception {
        // Last: closing watches can stall the mock server's event loop (see STACK.md).
        DemoFleet.Member target = fleet.installTarget();
        try (FleetService live = FleetService.watching(
                List.of(new FleetService.Target(
                        target.name(),
                        target.name(),
                        target.role(),
                        target.server(),
                        Set.of("simulated demo cluster"),
                        target.client())),
                50)) {
            Fleet f = DemoAwait.until(
                    "Backstage, Argo CD, Crossplane and Kyverno Healthy",
                    live::latest,
                    x -> x.hub() != null
                            && Stream.of(
                                            ComponentKind.BACKSTAGE,
                                            ComponentKind.ARGO_CD,
                                            ComponentKind.CROSSPLANE,
                                            ComponentKind.KYVERNO)
                                    .allMatch(k -> x.hub()
                                            .component(k)
                                            .map(c -> c.health() == Health.HEALTHY)
                                            .orElse(false)));
            assertThat(f.hub().name()).isEqualTo("empty-cluster");
        }
    }

    @Test
    @Order(7)
    @DisplayName("the BACK Stack Configuration package goes Healthy and brings the BACK Stack XRDs")
    void configurationBringsXrds() throws Exception {
        apply(Manifests.of("pkg.crossplane.io/v1", "Configuration", null, "back-stack")
                .spec(Manifests.map("package", "ghcr.io/back-stack/showcase-configuration:latest"))
                .build());
        DemoAwait.until(
                "the Configuration Healthy",
                () -> op("pkg.crossplane.io/v1", "Configuration")
                        .withName("back-stack")
                        .get(),
                c -> condition(c, "Healthy").equals("True"));
        DemoAwait.until(
                "the AKSCluster claim CRD",
                () -> crd("aksclusters.backstack.dev"),
                c -> condition(c, "Established").equals("True"));
        assertThat(condition(
                        op("apiextensions.crossplane.io/v1", "CompositeResourceDefinition")
                                .withName("xeksclusters.backstack.dev")
                                .get(),
                        "Established"))
                .isIn("True", "absent");
    }
}
