package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.lineage.Lineage;
import dev.backstack.panel.model.lineage.LineageStage;
import dev.backstack.panel.model.lineage.SpokeLineage;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.SpokeRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spoke's lineage on a real API server, read through the live engine as the Lineage tab reads
 * it: the claim is applied by the spoke plan, then the test plays Crossplane, the registration
 * policy and Argo CD, patching the objects through every stage; after each patch the first broken
 * link must be the expected one, with its message, until only the spoke's compliance (not
 * connected here) is left.
 */
class SpokeLineageIT {

    private static final ResourceDefinitionContext CLAIM =
            StatusWriter.ctx("backstack.dev", "v1alpha1", "AKSCluster", "aksclusters", true);
    private static final ResourceDefinitionContext XR =
            StatusWriter.ctx("backstack.dev", "v1alpha1", "XAKSCluster", "xaksclusters", false);
    private static final ResourceDefinitionContext APP =
            StatusWriter.ctx("argoproj.io", "v1alpha1", "Application", "applications", true);

    private static RealApiServer server;
    private static KubernetesClient admin;
    private static LiveFleet live;
    private static StatusWriter status;

    @TempDir
    static Path journals;

    @BeforeAll
    static void start() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        for (String ns : List.of("argocd", "default")) {
            if (admin.namespaces().withName(ns).get() == null) {
                admin.namespaces()
                        .resource(new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(ns)
                                .endMetadata()
                                .build())
                        .create();
            }
        }
        live = LiveFleet.start("hub", server.config(server.adminToken()));
        status = new StatusWriter(admin);
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    private static Map<String, Object> conditions(Object... c) {
        return StatusWriter.conditions(c);
    }

    /** Waits until the live engine's objects give the expected first broken link. */
    private static Lineage expect(String spoke, LineageStage stage, String messageStart) {
        try {
            return Awaitility.await()
                    .atMost(LiveFleet.TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> SpokeLineage.of(spoke, live.objects(), Optional.empty()),
                            l -> l.brokenLink()
                                    .map(b -> b.stage() == stage && b.message().startsWith(messageStart))
                                    .orElse(false));
        } catch (ConditionTimeoutException e) {
            Lineage l = SpokeLineage.of(spoke, live.objects(), Optional.empty());
            throw new AssertionError(
                    "expected " + stage + " \"" + messageStart + "...\", got "
                            + l.brokenLink()
                                    .map(b -> b.stage() + " \"" + b.message() + "\"")
                                    .orElse("none"),
                    e);
        }
    }

    @Test
    @DisplayName("a claim applied by the spoke plan, patched through every stage: each first broken link in turn")
    void everyStageAndEachBrokenLink() throws Exception {
        String id = "lin-" + UUID.randomUUID().toString().substring(0, 6);
        String xr = id + "-x7k2p";
        String server = "https://" + id + ".example:6443";
        List<LineageStage> seen = new ArrayList<>();

        seen.add(expect(id, LineageStage.REQUEST, "no AKSCluster or EKSCluster claim with id " + id)
                .brokenLink()
                .orElseThrow()
                .stage());

        SpokeService service = new SpokeService(hub(), journals, Clock.systemUTC(), new GitOpsDelivery());
        SpokeRequest r = new SpokeRequest(
                ClusterKind.AKS,
                id,
                "default",
                "westeurope",
                "",
                2,
                "Standard_B2s",
                "",
                SpokeRequest.Delivery.APPLY,
                null);
        assertThat(service.run(r, GitCredentials.none(), List.of(), e -> {}).outcome())
                .isEqualTo(PlanOutcome.SUCCEEDED);
        expect(id, LineageStage.COMPOSITE, "claim " + id + " submitted, but no composite XAKSCluster for claim " + id);

        Map<String, Object> xrSpec = new LinkedHashMap<>();
        xrSpec.put(
                "resourceRefs",
                List.of(Map.of(
                        "apiVersion",
                        "containerservice.azure.upbound.io/v1beta2",
                        "kind",
                        "KubernetesCluster",
                        "name",
                        xr + "-cluster")));
        admin.genericKubernetesResources(XR)
                .resource(new GenericKubernetesResource() {
                    {
                        setApiVersion("backstack.dev/v1alpha1");
                        setKind("XAKSCluster");
                        setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                                .withName(xr)
                                .addToLabels("crossplane.io/claim-name", id)
                                .addToLabels("crossplane.io/claim-namespace", "default")
                                .build());
                        setAdditionalProperty("spec", xrSpec);
                    }
                })
                .create();
        status.status(
                XR,
                null,
                xr,
                conditions(
                        "Synced",
                        "True",
                        "ReconcileSuccess",
                        "",
                        "Ready",
                        "False",
                        "Creating",
                        "Unready resources: kubernetes-cluster"));
        status.status(
                CLAIM,
                "default",
                id,
                conditions(
                        "Synced",
                        "True",
                        "ReconcileSuccess",
                        "",
                        "Ready",
                        "False",
                        "Waiting",
                        "Claim is waiting for composite resource to become Ready"));
        expect(
                id,
                LineageStage.COMPOSITE,
                "claim " + id + " submitted, but XAKSCluster " + xr
                        + ": not ready: Creating: Unready resources: kubernetes-cluster");

        status.status(
                XR,
                null,
                xr,
                conditions(
                        "Synced",
                        "False",
                        "ReconcileError",
                        "cannot compose resources: function patch-and-transform failed",
                        "Ready",
                        "False",
                        "Creating",
                        ""));
        expect(
                id,
                LineageStage.COMPOSITE,
                "claim " + id + " submitted, but XAKSCluster " + xr
                        + ": not synced: ReconcileError: cannot compose resources");

        Map<String, Object> ready =
                conditions("Synced", "True", "ReconcileSuccess", "", "Ready", "True", "Available", "");
        status.status(XR, null, xr, ready);
        status.status(CLAIM, "default", id, ready);
        expect(
                id,
                LineageStage.CONNECTION_SECRET,
                "claim Ready, but no kubeconfig published to default/" + id + "-kubeconfig yet");

        Map<String, Object> published = new LinkedHashMap<>(ready);
        published.put("connectionDetails", Map.of("lastPublishedTime", "2026-11-26T08:00:00Z"));
        status.status(CLAIM, "default", id, published);
        expect(
                id,
                LineageStage.CLUSTER_SECRET,
                "claim Ready, but no Argo CD cluster secret: the registration policy " + "did not run");

        admin.secrets()
                .inNamespace("argocd")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(id)
                        .addToLabels("argocd.argoproj.io/secret-type", "cluster")
                        .endMetadata()
                        .addToStringData("name", id)
                        .addToStringData("server", server)
                        .addToStringData("config", "{}")
                        .build())
                .create();
        expect(
                id,
                LineageStage.CLUSTER_SECRET,
                "claim Ready, but Secret " + id + ": registered with Argo CD, but not "
                        + "labelled clusterType: spoke");

        admin.secrets().inNamespace("argocd").withName(id).edit(s -> {
            s.getMetadata().getLabels().put("clusterType", "spoke");
            return s;
        });
        expect(id, LineageStage.APPLICATIONS, "registered with Argo CD, but no Argo CD Application targets " + id);

        admin.genericKubernetesResources(APP)
                .inNamespace("argocd")
                .resource(new GenericKubernetesResource() {
                    {
                        setApiVersion("argoproj.io/v1alpha1");
                        setKind("Application");
                        setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                                .withName(id + "-kyverno")
                                .withNamespace("argocd")
                                .build());
                        setAdditionalProperty(
                                "spec",
                                Map.of(
                                        "project",
                                        "default",
                                        "source",
                                        Map.of("repoURL", "https://github.com/acme/gitops", "path", "kyverno"),
                                        "destination",
                                        Map.of("server", server, "namespace", "kyverno")));
                    }
                })
                .create();
        status.status(
                APP,
                "argocd",
                id + "-kyverno",
                Map.of(
                        "health",
                        Map.of(
                                "status",
                                "Degraded",
                                "message",
                                "Deployment kyverno-admission-controller is in CrashLoopBackOff"),
                        "sync",
                        Map.of("status", "Synced")));
        expect(id, LineageStage.APPLICATIONS, "registered with Argo CD, but Application " + id + "-kyverno");

        status.status(
                APP,
                "argocd",
                id + "-kyverno",
                Map.of("health", Map.of("status", "Healthy"), "sync", Map.of("status", "Synced")));
        Lineage end = expect(id, LineageStage.COMPLIANCE, "applications Healthy, but not connected to the spoke");

        assertThat(end.nodes())
                .filteredOn(n -> n.stage() != LineageStage.COMPLIANCE)
                .allMatch(n -> n.isHealthy());
        assertThat(end.root().label()).isEqualTo("AKSCluster " + id);
        assertThat(seen).containsExactly(LineageStage.REQUEST);
    }

    private static PolicyClusters hub() {
        return new PolicyClusters() {
            @Override
            public String hub() {
                return "hub";
            }

            @Override
            public List<String> spokes() {
                return List.of();
            }

            @Override
            public Optional<PlanTarget> target(String cluster) {
                return Optional.of(new PlanTarget("hub", server.url(), admin, null, null, false));
            }
        };
    }
}
