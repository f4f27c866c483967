package dev.backstack.panel.installer.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.policy.BareRepository;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.FleetClusters;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest.GitOpsChoice;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace service on the simulated demo fleet (started once for the class): the spoke's
 * Kyverno decides the policy kind, the preflight reports every gap before a write, a direct run
 * creates the namespace and a re-run writes nothing, and GitOps delivery commits the layout to a
 * bare repository. Each test uses its own namespace name.
 */
class NamespaceServiceTest {

    private static FleetService fleet;
    private static NamespaceService service;

    @TempDir
    static Path journals;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDemo() throws Exception {
        fleet = FleetService.demo(100, 100);
        assertThat(fleet.demoFleet().orElseThrow().awaitSettled(60_000))
                .as("demo settled")
                .isTrue();
        assertThat(fleet.awaitSynced(30, TimeUnit.SECONDS)).as("demo watched").isTrue();
        service = new NamespaceService(
                PolicyCatalog.load(), new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
    }

    @AfterAll
    static void stopDemo() {
        fleet.close();
    }

    private static NamespaceRequest request(String spoke, String name, String... policies) {
        List<TeamPolicy> p = new ArrayList<>();
        for (String id : policies) {
            p.add(new TeamPolicy(id, PolicyMode.AUDIT));
        }
        return NamespaceRequest.of(spoke, name, "team-a").withPolicies(p);
    }

    @Test
    @DisplayName(
            "the spoke's Kyverno decides the policy kind: ClusterPolicy on spoke-2 (1.11), ValidatingPolicy on spoke-3 (1.19)")
    void policyKindFollowsTheSpoke() {
        NamespaceRequest r2 = request("spoke-2", "team-a-kinds", "require-probes");
        PlanPreview p2 = service.preview(r2, service.facts("spoke-2"), GitCredentials.none());
        assertThat(objects(p2)).extracting(ObjectPreview::title).anyMatch(t -> t.contains("ClusterPolicy"));
        NamespaceRequest r3 = request("spoke-3", "team-a-kinds", "require-probes");
        PlanPreview p3 = service.preview(r3, service.facts("spoke-3"), GitCredentials.none());
        assertThat(objects(p3))
                .extracting(ObjectPreview::title)
                .anyMatch(t -> t.contains("ValidatingPolicy"))
                .noneMatch(t -> t.contains("ClusterPolicy"));
        assertThat(p3.steps())
                .extracting(s -> s.info().id())
                .containsExactly("spoke-3/namespace", "spoke-3/guardrails", "spoke-3/policy-require-probes");
    }

    @Test
    @DisplayName("the preflight reports every problem of the request and an unknown spoke or policy, before any write")
    void preflightBlocksOnEveryProblem() throws Exception {
        NamespaceRequest bad = NamespaceRequest.of("spoke-9", "Team A", "team-a")
                .withPolicies(List.of(
                        new TeamPolicy("no-such-policy", PolicyMode.AUDIT),
                        new TeamPolicy("validate-cluster-name", PolicyMode.AUDIT)));
        PreflightReport report = service.preflight(bad, null, GitCredentials.none());
        assertThat(report.blocked()).isTrue();
        PreflightFinding request = report.findings().stream()
                .filter(f -> f.id().equals("request"))
                .findFirst()
                .orElseThrow();
        assertThat(request.detail())
                .contains(
                        "Namespace name: \"Team A\" is not a valid name",
                        "Spoke: the panel knows no spoke spoke-9 (it knows spoke-1, spoke-2, spoke-3",
                        "no policy no-such-policy in the catalog",
                        "Policy validate-cluster-name guards the hub's cluster claims");
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("spoke");
            assertThat(f.blocks()).isTrue();
        });
        assertThat(service.preview(bad, null, GitCredentials.none()).steps()).isEmpty();
    }

    @Test
    @DisplayName("applies the namespace to spoke-3 after a clean preflight; a re-run changes nothing")
    void appliesThenChangesNothing() throws Exception {
        NamespaceRequest r = request("spoke-3", "team-a-apply", "require-probes");
        ClusterFacts facts = service.facts("spoke-3");
        PreflightReport report = service.preflight(r, facts, GitCredentials.none());
        assertThat(report.blocked()).as(report.findings().toString()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.id()).isEqualTo("spoke-3/namespace-exists"));

        List<PlanEvent> events = new ArrayList<>();
        PolicyService.Delivered first = service.run(r, facts, GitCredentials.none(), List.of(), events::add);
        assertThat(first.outcome()).as(events.toString()).isEqualTo(PlanOutcome.SUCCEEDED);
        KubernetesClient spoke = fleet.demoFleet().orElseThrow().client("spoke-3");
        Namespace ns = spoke.namespaces().withName("team-a-apply").get();
        assertThat(ns.getMetadata().getLabels()).containsEntry("backstack.dev/team", "team-a");
        assertThat(spoke.resourceQuotas()
                        .inNamespace("team-a-apply")
                        .withName("team-quota")
                        .get())
                .isNotNull();
        assertThat(spoke.limitRanges()
                        .inNamespace("team-a-apply")
                        .withName("container-defaults")
                        .get())
                .isNotNull();
        assertThat(spoke.rbac()
                        .roleBindings()
                        .inNamespace("team-a-apply")
                        .withName("team-edit")
                        .get())
                .isNotNull();
        assertThat(spoke.network()
                        .networkPolicies()
                        .inNamespace("team-a-apply")
                        .withName("default-deny-ingress")
                        .get())
                .as("not isolated")
                .isNull();

        PolicyService.Delivered again = service.run(r, facts, GitCredentials.none(), List.of(), e -> {});
        assertThat(again.outcome()).isEqualTo(PlanOutcome.UNCHANGED);
    }

    @Test
    @DisplayName("GitOps: commits the namespace's folder and its Application to a new branch; main is untouched")
    void commitsThroughGitOps() throws Exception {
        Path repo = BareRepository.seed(dir.resolve("gitops.git"));
        NamespaceRequest r = request("spoke-1", "team-a-git", "disallow-latest-tag")
                .withGitOps(new GitOpsChoice(repo.toString(), "main", "backstack/namespace-team-a-git"));
        ClusterFacts facts = service.facts("spoke-1");
        PreflightReport report = service.preflight(r, facts, GitCredentials.none());
        assertThat(report.blocked()).as(report.findings().toString()).isFalse();
        PolicyService.Delivered d = service.run(r, facts, GitCredentials.none(), List.of(), e -> {});
        assertThat(d.outcome()).isEqualTo(PlanOutcome.SUCCEEDED);
        assertThat(d.commit()).get().extracting(DeliveryResult::outcome).isEqualTo(DeliveryResult.Outcome.PUSHED);
        Map<String, String> files = BareRepository.files(repo, "backstack/namespace-team-a-git");
        assertThat(files)
                .containsKeys(
                        "namespaces/spoke-1/team-a-git/namespace-team-a-git.yaml",
                        "namespaces/spoke-1/team-a-git/policy-team-a-git-disallow-latest-tag.yaml",
                        "demo/applications/namespace-spoke-1-team-a-git.yaml");
        assertThat(files.get("namespaces/spoke-1/team-a-git/policy-team-a-git-disallow-latest-tag.yaml"))
                .as("spoke-1 runs Kyverno 1.20")
                .contains("kind: \"ValidatingPolicy\"");
        assertThat(BareRepository.files(repo, "main")).containsOnlyKeys("README.md");
        assertThat(fleet.demoFleet()
                        .orElseThrow()
                        .client("spoke-1")
                        .namespaces()
                        .withName("team-a-git")
                        .get())
                .as("nothing applied")
                .isNull();

        PolicyService.Delivered again = service.run(r, facts, GitCredentials.none(), List.of(), e -> {});
        assertThat(again.outcome()).isEqualTo(PlanOutcome.UNCHANGED);
    }

    @Test
    @DisplayName("a team may be asked to pass the workload policies, not the hub's cluster-claim guardrails")
    void teamPolicies() {
        assertThat(service.teamPolicies())
                .extracting(e -> e.id())
                .contains("require-probes", "disallow-latest-tag", "disallow-privileged-containers")
                .doesNotContain("limit-cluster-node-count", "validate-cluster-name");
    }

    @Test
    @DisplayName("without Kyverno facts, policies block a direct apply but only warn through GitOps (ValidatingPolicy)")
    void kyvernoUnknown() throws Exception {
        NamespaceRequest r = request("spoke-3", "team-a-nokyverno", "require-probes");
        ClusterFacts none =
                new ClusterFacts("spoke-3", java.util.Optional.empty(), List.of(), "no Kyverno found on spoke-3");
        PreflightReport direct = service.preflight(r, none, GitCredentials.none());
        assertThat(direct.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("kyverno");
            assertThat(f.blocks()).isTrue();
            assertThat(f.hint()).contains("Install Kyverno on spoke-3 first");
        });
        assertThat(NamespaceService.generation(none)).isEqualTo(KyvernoGeneration.VALIDATING_POLICY);

        List<PlanEvent> events = new ArrayList<>();
        PolicyService.Delivered run = service.run(r, none, GitCredentials.none(), List.of(), events::add);
        assertThat(run.outcome()).as("run without its preflight").isEqualTo(PlanOutcome.BLOCKED);
        assertThat(events)
                .singleElement()
                .asString()
                .contains(
                        "nothing was written: no Kyverno found on spoke-3",
                        "install Kyverno on spoke-3 first, or choose no policies");
        assertThat(fleet.demoFleet()
                        .orElseThrow()
                        .client("spoke-3")
                        .namespaces()
                        .withName("team-a-nokyverno")
                        .get())
                .isNull();
    }

    private static List<ObjectPreview> objects(PlanPreview p) {
        return p.steps().stream().flatMap(s -> s.objects().stream()).toList();
    }
}
