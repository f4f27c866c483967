package dev.backstack.panel.app.it;

import static dev.backstack.panel.app.it.LiveFleet.TIMEOUT;
import static dev.backstack.panel.model.WatchState.State.FORBIDDEN;
import static dev.backstack.panel.model.WatchState.State.WATCHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.live.KindSpec;
import dev.backstack.panel.installer.live.WatchCatalog;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.PolicyStatus;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.WatchState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * FAULTS T13 on a real API server: the panel runs as {@code alice}, who may read everything the
 * engine watches except Kyverno's ClusterPolicies. RBAC is the API server's own, not a mock.
 */
@DisplayName("A user without permission to list one kind (T13)")
class RbacIT {

    static final String NAME = "rbac-it-alice";
    static final String NS = "rbac-it";
    static final String DENIED = "clusterpolicies.kyverno.io";
    static final ResourceDefinitionContext DENIED_KIND = LiveFixtures.CLUSTER_POLICY;

    private static RealApiServer server;
    private static KubernetesClient admin;

    @BeforeAll
    static void grantAllButClusterPolicies() throws Exception {
        server = RealApiServer.shared();
        admin = server.admin();
        LiveFixtures.namespace(admin, NS);
        LiveFixtures.namespace(admin, "argocd");

        Map<String, TreeSet<String>> byGroup = new TreeMap<>();
        List<KindSpec> watched = new ArrayList<>(WatchCatalog.builtIns());
        watched.addAll(WatchCatalog.customs());
        for (KindSpec k : watched) {
            if (!(k.plural() + "." + k.group()).equals(DENIED)) {
                byGroup.computeIfAbsent(k.group(), g -> new TreeSet<>()).add(k.plural());
            }
        }
        byGroup.computeIfAbsent("apiextensions.k8s.io", g -> new TreeSet<>()).add("customresourcedefinitions");
        List<PolicyRule> rules = byGroup.entrySet().stream()
                .map(e -> new PolicyRuleBuilder()
                        .withApiGroups(e.getKey())
                        .withResources(List.copyOf(e.getValue()))
                        .withVerbs("get", "list", "watch")
                        .build())
                .toList();
        admin.rbac()
                .clusterRoles()
                .resource(new ClusterRoleBuilder()
                        .withNewMetadata()
                        .withName(NAME)
                        .endMetadata()
                        .withRules(rules)
                        .build())
                .serverSideApply();
        admin.rbac()
                .clusterRoleBindings()
                .resource(new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName(NAME)
                        .endMetadata()
                        .withNewRoleRef()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("ClusterRole")
                        .withName(NAME)
                        .endRoleRef()
                        .addNewSubject()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("User")
                        .withName(RealApiServer.LIMITED_USER)
                        .endSubject()
                        .build())
                .serverSideApply();
        awaitRbacInEffect(byGroup);

        admin.apps()
                .deployments()
                .inNamespace("argocd")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("rbac-it-probe")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "rbac-it-probe")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "rbac-it-probe")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("probe")
                        .withImage("x/probe:1")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        admin.genericKubernetesResources(DENIED_KIND)
                .resource(policy("ClusterPolicy", null, "rbac-it-hidden"))
                .create();
        admin.genericKubernetesResources(LiveFixtures.POLICY)
                .inNamespace(NS)
                .resource(policy("Policy", NS, "rbac-it-visible"))
                .create();
    }

    /**
     * The RBAC authorizer reads roles from an informer: wait until alice may list and watch all she
     * was granted (a watch the panel starts earlier would be denied for good), and still not ClusterPolicies.
     */
    private static void awaitRbacInEffect(Map<String, TreeSet<String>> granted) {
        KubernetesClient alice = server.limited();
        Awaitility.await()
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    List<String> missing = new ArrayList<>();
                    for (var e : granted.entrySet()) {
                        for (String plural : e.getValue()) {
                            for (String verb : List.of("list", "watch")) {
                                if (!allowed(alice, e.getKey(), plural, verb)) {
                                    missing.add(verb + " " + plural + "." + e.getKey());
                                }
                            }
                        }
                    }
                    assertThat(missing).as("permissions alice still lacks").isEmpty();
                });
        assertThat(allowed(alice, "kyverno.io", "clusterpolicies", "list"))
                .as("alice may list ClusterPolicies")
                .isFalse();
    }

    private static boolean allowed(KubernetesClient client, String group, String plural, String verb) {
        var review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withGroup(group)
                .withResource(plural)
                .withVerb(verb)
                .endResourceAttributes()
                .endSpec()
                .build();
        return client.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(review)
                .getStatus()
                .getAllowed();
    }

    private static GenericKubernetesResource policy(String kind, String namespace, String name) {
        GenericKubernetesResource p = new GenericKubernetesResource();
        p.setApiVersion("kyverno.io/v1");
        p.setKind(kind);
        p.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        p.setAdditionalProperty(
                "spec",
                Map.of(
                        "validationFailureAction",
                        "Audit",
                        "background",
                        true,
                        "rules",
                        List.of(Map.of(
                                "name",
                                "require-team-label",
                                "match",
                                Map.of("any", List.of(Map.of("resources", Map.of("kinds", List.of("Pod"))))),
                                "validate",
                                Map.of(
                                        "message",
                                        "a team label is required",
                                        "pattern",
                                        Map.of("metadata", Map.of("labels", Map.of("team", "?*"))))))));
        return p;
    }

    /** Takes alice's permissions back and waits until the authorizer has, so later ITs find her without any. */
    @AfterAll
    static void revoke() throws InterruptedException {
        if (admin == null) {
            return;
        }
        admin.genericKubernetesResources(DENIED_KIND).withName("rbac-it-hidden").delete();
        admin.genericKubernetesResources(LiveFixtures.POLICY)
                .inNamespace(NS)
                .withName("rbac-it-visible")
                .delete();
        admin.apps()
                .deployments()
                .inNamespace("argocd")
                .withName("rbac-it-probe")
                .delete();
        admin.rbac().clusterRoleBindings().withName(NAME).delete();
        admin.rbac().clusterRoles().withName(NAME).delete();
        KubernetesClient alice = server.limited();
        Awaitility.await()
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(allowed(alice, "apps", "deployments", "list"))
                        .as("alice may still list Deployments")
                        .isFalse());
    }

    @Test
    @DisplayName("the ClusterPolicies watch says 'no permission to list ClusterPolicies' and stays so, the model never "
            + "shows zero cluster policies as a fact, and everything else keeps working")
    void forbiddenKindIsReportedAndTheRestWorks() throws Exception {
        try (LiveFleet live = LiveFleet.start("rbac-alice", server.config(server.limitedToken()))) {
            Fleet f = live.await(
                    "ClusterPolicies forbidden while every other watch runs",
                    TIMEOUT,
                    x -> live.state(x, "ClusterPolicies") == FORBIDDEN
                            && x.hub().reachability().isReachable()
                            && x.watchesOf(live.id()).stream()
                                    .filter(w -> !w.resource().equals("ClusterPolicies"))
                                    .allMatch(w -> w.state() == WATCHING));
            WatchState denied = live.watch(f, "ClusterPolicies").orElseThrow();
            assertThat(denied.describe()).isEqualTo("no permission to list ClusterPolicies");
            assertThat(denied.isProblem()).isTrue();

            live.awaitObjects(
                    "the Deployment in argocd and the namespaced Policy in the model",
                    TIMEOUT,
                    o -> o.get(Kinds.DEPLOYMENT, "argocd/rbac-it-probe").isPresent()
                            && o.get(Kinds.POLICY, NS + "/rbac-it-visible").isPresent());
            // Several watch checks (1 s each) later, the denied watch must neither be retried nor look healthy.
            live.awaitSteadily(
                    "ClusterPolicies staying forbidden",
                    Duration.ofSeconds(3),
                    TIMEOUT,
                    x -> live.state(x, "ClusterPolicies") == FORBIDDEN);

            Fleet later = live.latest();
            assertThat(later.hub().reachability()).isEqualTo(Reachability.REACHABLE);
            assertThat(live.watch(later, "ClusterPolicies").orElseThrow().describe())
                    .isEqualTo("no permission to list ClusterPolicies");
            assertThat(later.hub().policies())
                    .extracting(PolicyStatus::name)
                    .as("policies in the model")
                    .contains("rbac-it-visible")
                    .doesNotContain("rbac-it-hidden");
            assertThat(live.objects().all(Kinds.CLUSTER_POLICY)).isEmpty();
            // Whenever the model has no ClusterPolicies, it says why: from the first snapshot that
            // knew the outcome of the list, the watch is FORBIDDEN, never WATCHING with nothing in it.
            assertThat(live.states(live.since(0), "ClusterPolicies"))
                    .as("states of the ClusterPolicies watch")
                    .doesNotContain(WATCHING, WatchState.State.RECONNECTING)
                    .endsWith(FORBIDDEN);
            assertThat(live.objects().get(Kinds.DEPLOYMENT, "argocd/rbac-it-probe"))
                    .isPresent();
        }
    }
}
