package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.app.StatusReport;
import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A BACK hub laid out as the reference implementation does, on a real API server. */
class ShowcaseHubIT {

    static final ResourceDefinitionContext RELEASE =
            StatusWriter.ctx("helm.crossplane.io", "v1beta1", "Release", "releases", false);
    static final ResourceDefinitionContext HUB = StatusWriter.ctx("backstack.dev", "v1alpha1", "Hub", "hubs", true);
    static final ResourceDefinitionContext XHUB = StatusWriter.ctx("backstack.dev", "v1alpha1", "XHub", "xhubs", false);
    static final Map<String, String> COMPONENTS = Map.of(
            "argocd",
            "argocd-server",
            "backstage",
            "backstage",
            "crossplane-system",
            "crossplane",
            "kyverno",
            "kyverno-admission-controller",
            "cert-manager",
            "cert-manager",
            "vault",
            "vault",
            "ingress-nginx",
            "ingress-nginx-controller");
    static final List<String> CHARTS = List.of("argo-cd", "backstage", "kyverno", "cert-manager", "vault");

    private static RealApiServer server;
    private static KubernetesClient admin;
    private static StatusWriter controllers;
    private static FleetService service;

    @BeforeAll
    static void layOutHub() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        controllers = new StatusWriter(admin);
        COMPONENTS.forEach((ns, name) -> {
            admin.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .serverSideApply();
            admin.apps()
                    .deployments()
                    .inNamespace(ns)
                    .resource(new DeploymentBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .addToLabels("app.kubernetes.io/version", "1.0.0")
                            .endMetadata()
                            .withNewSpec()
                            .withReplicas(1)
                            .withNewSelector()
                            .addToMatchLabels("app", name)
                            .endSelector()
                            .withNewTemplate()
                            .withNewMetadata()
                            .addToLabels("app", name)
                            .endMetadata()
                            .withNewSpec()
                            .addNewContainer()
                            .withName(name)
                            .withImage("x/" + name + ":1.0.0")
                            .endContainer()
                            .endSpec()
                            .endTemplate()
                            .endSpec()
                            .build())
                    .serverSideApply();
            controllers.deploymentAvailable(ns, name, true);
        });
        // The reference implementation's packages, unmodified.
        for (HasMetadata o : RealApiServer.load(
                admin, RealApiServer.shared("backstack-showcase/bundle/manifests/providers/providers.yaml"))) {
            admin.resource(o).serverSideApply();
        }
        for (HasMetadata p : RealApiServer.load(
                admin, RealApiServer.shared("backstack-showcase/bundle/manifests/providers/providers.yaml"))) {
            if (p.getKind().equals("Provider") || p.getKind().equals("Function")) {
                String[] gv = p.getApiVersion().split("/");
                var ctx =
                        StatusWriter.ctx(gv[0], gv[1], p.getKind(), p.getKind().toLowerCase() + "s", false);
                controllers.status(
                        ctx,
                        null,
                        p.getMetadata().getName(),
                        StatusWriter.conditions(
                                "Installed",
                                "True",
                                "ActivePackageRevision",
                                "",
                                "Healthy",
                                "True",
                                "HealthyPackageRevision",
                                ""));
            }
        }
        List<Object> refs = new java.util.ArrayList<>();
        for (String chart : CHARTS) {
            GenericKubernetesResource release = new GenericKubernetesResource();
            release.setApiVersion("helm.crossplane.io/v1beta1");
            release.setKind("Release");
            release.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                    .withName("hub-it-" + chart)
                    .build());
            release.setAdditionalProperty(
                    "spec",
                    Map.of(
                            "forProvider",
                            Map.of(
                                    "chart",
                                    Map.of("name", chart, "version", "1.0.0"),
                                    "namespace",
                                    chart.equals("argo-cd") ? "argocd" : chart)));
            admin.genericKubernetesResources(RELEASE).resource(release).serverSideApply();
            refs.add(Map.of("apiVersion", "helm.crossplane.io/v1beta1", "kind", "Release", "name", "hub-it-" + chart));
            releaseReady(chart, true);
        }
        GenericKubernetesResource xhub = new GenericKubernetesResource();
        xhub.setApiVersion("backstack.dev/v1alpha1");
        xhub.setKind("XHub");
        xhub.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName("hub-it")
                .build());
        xhub.setAdditionalProperty("spec", Map.of("resourceRefs", refs));
        admin.genericKubernetesResources(XHUB).resource(xhub).serverSideApply();
        GenericKubernetesResource claim = new GenericKubernetesResource();
        claim.setApiVersion("backstack.dev/v1alpha1");
        claim.setKind("Hub");
        claim.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName("hub")
                .withNamespace("default")
                .build());
        claim.setAdditionalProperty(
                "spec",
                Map.of(
                        "parameters",
                        Map.of("clusterId", "local"),
                        "resourceRef",
                        Map.of("apiVersion", "backstack.dev/v1alpha1", "kind", "XHub", "name", "hub-it")));
        admin.genericKubernetesResources(HUB)
                .inNamespace("default")
                .resource(claim)
                .serverSideApply();
        hubReady(true, "");
        service = FleetService.watching(
                List.of(new FleetService.Target(
                        "it-hub",
                        "it-hub",
                        ClusterRole.HUB,
                        server.url(),
                        Set.of("test"),
                        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                                .withConfig(server.config(server.adminToken()))
                                .build())),
                50);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static void releaseReady(String chart, boolean ready) {
        controllers.status(
                RELEASE,
                null,
                "hub-it-" + chart,
                ready
                        ? StatusWriter.conditions(
                                "Synced", "True", "ReconcileSuccess", "", "Ready", "True", "Available", "")
                        : StatusWriter.conditions(
                                "Synced",
                                "True",
                                "ReconcileSuccess",
                                "",
                                "Ready",
                                "False",
                                "Unavailable",
                                "failed to install release: timed out waiting for the condition: Deployment backstage/backstage "
                                        + "is not ready: 0 of 1 replicas available; container backstage: Back-off pulling image "
                                        + "\"ghcr.io/back-stack/showcase-backstage:latest\""));
    }

    static void hubReady(boolean ready, String unready) {
        Map<String, Object> status = ready
                ? StatusWriter.conditions("Synced", "True", "ReconcileSuccess", "", "Ready", "True", "Available", "")
                : StatusWriter.conditions(
                        "Synced",
                        "True",
                        "ReconcileSuccess",
                        "",
                        "Ready",
                        "False",
                        "Creating",
                        "Unready resources: " + unready);
        controllers.status(XHUB, null, "hub-it", status);
        controllers.status(HUB, "default", "hub", status);
    }

    static Fleet await(String what, Predicate<Fleet> condition) {
        try {
            return Awaitility.await(what)
                    .atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(service::latest, condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "timed out waiting until " + what + ": " + StatusReport.table(service.latest()), e);
        }
    }

    private static Health health(Fleet f, ComponentKind kind) {
        return f.hub().component(kind).orElseThrow().health();
    }

    @Test
    @DisplayName(
            "the hub follows its Releases and claim through Healthy, Progressing, Degraded and back, and the status says so")
    void followsHealthThroughStates() throws Exception {
        Fleet healthy = await(
                "every component healthy",
                f -> f.hub().components().stream().allMatch(c -> c.health() == Health.HEALTHY));
        assertThat(StatusReport.table(healthy)).contains("Backstage       Healthy");

        controllers.deploymentAvailable("backstage", "backstage", false);
        Fleet progressing =
                await("Backstage progressing", f -> health(f, ComponentKind.BACKSTAGE) == Health.PROGRESSING);
        assertThat(progressing
                        .hub()
                        .component(ComponentKind.BACKSTAGE)
                        .orElseThrow()
                        .assessment()
                        .oneLine())
                .contains("available 0 of 1");

        hubReady(false, "backstage");
        releaseReady("backstage", false);
        Fleet degraded = await(
                "Backstage degraded through the Hub claim",
                f -> health(f, ComponentKind.BACKSTAGE) == Health.DEGRADED
                        && f.hub()
                                .component(ComponentKind.BACKSTAGE)
                                .orElseThrow()
                                .assessment()
                                .reason()
                                .map(r -> r.path().size() == 3)
                                .orElse(false));
        var reason = degraded.hub()
                .component(ComponentKind.BACKSTAGE)
                .orElseThrow()
                .assessment()
                .reason()
                .orElseThrow();
        assertThat(reason.path()).containsExactly("Hub hub", "XHub hub-it", "Release hub-it-backstage");
        assertThat(reason.message())
                .contains("Back-off pulling image \"ghcr.io/back-stack/showcase-backstage:latest\"");
        assertThat(StatusReport.json(degraded))
                .contains("\"health\" : \"Degraded\"")
                .contains("Release hub-it-backstage");

        releaseReady("backstage", true);
        hubReady(true, "");
        controllers.deploymentAvailable("backstage", "backstage", true);
        Fleet back = await("Backstage healthy again", f -> health(f, ComponentKind.BACKSTAGE) == Health.HEALTHY);
        assertThat(back.hub().health()).isEqualTo(Health.HEALTHY);
    }
}
