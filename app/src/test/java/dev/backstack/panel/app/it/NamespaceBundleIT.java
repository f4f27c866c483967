package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.helm.KubeconfigContents;
import dev.backstack.panel.installer.namespace.NamespaceService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.namespace.ContainerDefaults;
import dev.backstack.panel.model.namespace.NamespaceQuota;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyMode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The namespace bundle on a real API server: applied through the plan engine with a Kyverno
 * 1.19 on the spoke (the test plays Kyverno and the quota and service-account controllers, as
 * nothing reconciles here); the API server's own admission then enforces the quota (a pod
 * requesting more CPU than the namespace has is refused, the second pod of a one-pod quota too)
 * and the LimitRange (a pod stating nothing gets the defaults); a re-run writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NamespaceBundleIT {

    private static final String SPOKE = "spoke-it";
    private static final String NS = "team-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final ResourceDefinitionContext VALIDATING_POLICY =
            StatusWriter.ctx("policies.kyverno.io", "v1", "ValidatingPolicy", "validatingpolicies", false);
    /** Written the long way on purpose: the API server stores 1, 1Gi, 100m, 500m, 512Mi; a re-run must still find them. */
    private static final NamespaceRequest REQUEST = new NamespaceRequest(
            SPOKE,
            NS,
            "team-it",
            new NamespaceQuota("1000m", "1024Mi", "1"),
            new ContainerDefaults("0.1", "128Mi", "0.5", "0.5Gi"),
            true,
            "ingress-nginx",
            List.of(new TeamPolicy("require-probes", PolicyMode.AUDIT)),
            null);

    private static RealApiServer server;
    private static KubernetesClient admin;
    private static KubernetesClient counted;
    private static final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private static NamespaceService service;
    private static ClusterFacts facts;

    @BeforeAll
    static void spokeWithKyverno() throws Exception {
        // Its own server: it plays a Kyverno 1.19 Deployment, which other tests on the shared server
        // create with another (immutable) selector.
        server = RealApiServer.fresh();
        admin = server.admin();
        counted = new KubernetesClientBuilder()
                .withConfig(server.config(server.adminToken()))
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-writes", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
                        String uri = request.uri().toString();
                        if (!request.method().equals("GET")
                                && !uri.contains("accessreviews")
                                && !uri.contains("dryRun=All")) {
                            writes.add(request.method() + " " + request.uri().getPath());
                        }
                    }
                }))
                .build();
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("kyverno")
                        .endMetadata()
                        .build())
                .serverSideApply();
        admin.apps()
                .deployments()
                .inNamespace("kyverno")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("kyverno-admission-controller")
                        .addToLabels("app.kubernetes.io/version", "v1.19.0")
                        .endMetadata()
                        .withNewSpec()
                        .withNewSelector()
                        .addToMatchLabels("app", "kyverno")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "kyverno")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("kyverno")
                        .withImage("ghcr.io/kyverno/kyverno:v1.19.0")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .serverSideApply();
        Path journals = Files.createTempDirectory(KubeBinaries.projectRoot().resolve("app/target"), "namespace-it-");
        PlanTarget target = new PlanTarget(
                SPOKE,
                server.url(),
                counted,
                KubeconfigContents.fromToken(
                        SPOKE, server.url(), server.adminToken(), KubeconfigContents.ServerTrust.insecure()),
                null,
                false);
        service = new NamespaceService(
                PolicyCatalog.load(), new OneSpoke(target), journals, Clock.systemUTC(), new GitOpsDelivery());
        facts = service.facts(SPOKE);
    }

    @AfterAll
    static void close() {
        if (counted != null) {
            counted.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the preflight on the spoke: its Kyverno 1.19, every permission, a clean server-side dry run")
    void preflight() throws Exception {
        assertThat(facts.summary()).isEqualTo("Kyverno v1.19.0: ValidatingPolicy");
        PreflightReport report = service.preflight(REQUEST, facts, GitCredentials.none());
        assertThat(report.blocked()).as(report.findings().toString()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo(SPOKE + "/dry-run");
            assertThat(f.passed()).isTrue();
        });
        assertThat(admin.namespaces().withName(NS).get()).as("nothing written").isNull();
    }

    @Test
    @Order(2)
    @DisplayName("the plan applies the bundle and waits until Kyverno reports the scoped policy ready")
    void applies() throws Exception {
        Thread kyverno = playKyverno(NS + "-require-probes");
        List<PlanEvent> events = new ArrayList<>();
        PolicyService.Delivered done = service.run(REQUEST, facts, GitCredentials.none(), List.of(), events::add);
        kyverno.interrupt();

        assertThat(done.outcome()).as(events.toString()).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(admin.namespaces().withName(NS).get().getMetadata().getLabels())
                .containsEntry("backstack.dev/team", "team-it");
        assertThat(admin.rbac()
                        .roleBindings()
                        .inNamespace(NS)
                        .withName("team-edit")
                        .get()
                        .getSubjects()
                        .get(0)
                        .getName())
                .isEqualTo("team-it");
        assertThat(admin.network()
                        .networkPolicies()
                        .inNamespace(NS)
                        .withName("default-deny-ingress")
                        .get())
                .isNotNull();
        assertThat(admin.genericKubernetesResources(VALIDATING_POLICY)
                        .withName(NS + "-require-probes")
                        .get())
                .isNotNull();
    }

    @Test
    @Order(3)
    @DisplayName(
            "the API server enforces the quota and the defaults: too much CPU refused, defaults filled in, a second pod refused")
    void quotaAndLimitRangeEnforced() throws Exception {
        playQuotaAndServiceAccountControllers();

        assertThatThrownBy(() -> admin.pods()
                        .inNamespace(NS)
                        .resource(pod("greedy", "2"))
                        .create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("exceeded quota: team-quota")
                .hasMessageContaining("requested: limits.cpu=2,requests.cpu=2");

        Pod plain = admin.pods().inNamespace(NS).resource(pod("plain", null)).create();
        var resources = plain.getSpec().getContainers().get(0).getResources();
        assertThat(resources.getRequests())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("128Mi"));
        assertThat(resources.getLimits())
                .containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("512Mi"));

        assertThatThrownBy(() -> admin.pods()
                        .inNamespace(NS)
                        .resource(pod("second", null))
                        .create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("exceeded quota: team-quota, requested: pods=1, used: pods=1, limited: pods=1");
    }

    @Test
    @Order(4)
    @DisplayName(
            "a re-run of the same request (quantities written the long way) finds everything in place and sends no write")
    void reRunWritesNothing() {
        writes.clear();
        PolicyService.Delivered again = service.run(REQUEST, facts, GitCredentials.none(), List.of(), e -> {});

        assertThat(again.outcome()).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(writes).isEmpty();
    }

    private static Pod pod(String name, String cpu) {
        PodBuilder b = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .addNewContainer()
                .withName("app")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec();
        if (cpu != null) {
            b.editSpec()
                    .editFirstContainer()
                    .withNewResources()
                    .addToRequests("cpu", new Quantity(cpu))
                    .addToLimits("cpu", new Quantity(cpu))
                    .endResources()
                    .endContainer()
                    .endSpec();
        }
        return b.build();
    }

    /** Kyverno: marks the scoped policy ready as soon as it exists. */
    private static Thread playKyverno(String policy) {
        Thread t = new Thread(
                () -> {
                    StatusWriter status = new StatusWriter(admin);
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            if (admin.genericKubernetesResources(VALIDATING_POLICY)
                                            .withName(policy)
                                            .get()
                                    != null) {
                                status.status(
                                        VALIDATING_POLICY,
                                        null,
                                        policy,
                                        Map.of("conditionStatus", Map.of("ready", true)));
                                return;
                            }
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        } catch (KubernetesClientException e) {
                            // not served yet or a conflict: try again
                        }
                    }
                },
                "plays-kyverno");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The quota controller fills in status.hard and used; the service-account controller makes "default". */
    private static void playQuotaAndServiceAccountControllers() {
        admin.serviceAccounts()
                .inNamespace(NS)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("default")
                        .endMetadata()
                        .build())
                .serverSideApply();
        admin.resourceQuotas().inNamespace(NS).withName("team-quota").editStatus(q -> {
            Map<String, Quantity> used = new HashMap<>();
            q.getSpec().getHard().keySet().forEach(k -> used.put(k, new Quantity("0")));
            q.setStatus(new io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder()
                    .withHard(q.getSpec().getHard())
                    .withUsed(used)
                    .build());
            return q;
        });
        ResourceQuota q =
                admin.resourceQuotas().inNamespace(NS).withName("team-quota").get();
        assertThat(q.getStatus().getHard()).containsKeys("pods", "requests.cpu");
    }

    /** The IT's one spoke, reached through the counting client. */
    private record OneSpoke(PlanTarget target) implements PolicyClusters {
        @Override
        public String hub() {
            return "hub";
        }

        @Override
        public List<String> spokes() {
            return List.of(SPOKE);
        }

        @Override
        public Optional<PlanTarget> target(String cluster) {
            return cluster.equals(SPOKE) ? Optional.of(target) : Optional.empty();
        }
    }
}
