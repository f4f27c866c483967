package dev.backstack.panel.installer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyRequest;
import dev.backstack.panel.model.policy.PolicyRequest.Delivery;
import dev.backstack.panel.model.policy.PolicySelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy service on the simulated demo fleet (started once for the class): what it reads
 * from each cluster, what it refuses before writing, the Enforce impact, and GitOps delivery to a
 * bare repository in a test folder. Nothing here writes to the demo's clusters.
 */
class PolicyServiceTest {

    private static final String HUB = "backstack-hub";
    private static final List<String> EXCLUDED = Selections.DEFAULT_EXCLUDED;

    private static FleetService fleet;
    private static PolicyService service;

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
        service = new PolicyService(
                PolicyCatalog.load(), new FleetClusters(fleet), journals, Clock.systemUTC(), new GitOpsDelivery());
    }

    @AfterAll
    static void stopDemo() {
        fleet.close();
    }

    private static PolicySelection selection(String id, PolicyMode mode) {
        return PolicySelection.ofDefaults(service.catalog().entry(id).orElseThrow(), EXCLUDED)
                .withMode(mode);
    }

    private static PolicyRequest apply(List<PolicySelection> selections, boolean hub, String... spokes) {
        return new PolicyRequest(selections, hub, List.of(spokes), Map.of(), Delivery.APPLY, null);
    }

    private static PolicyRequest gitOps(
            Path repo, boolean hub, Map<String, String> selector, String branch, PolicySelection... selections) {
        return new PolicyRequest(
                List.of(selections),
                hub,
                List.of(),
                selector,
                Delivery.GITOPS,
                new PolicyRequest.GitOpsChoice(repo.toString(), "main", branch));
    }

    private static Map<String, ClusterFacts> facts(PolicyRequest r) {
        Map<String, ClusterFacts> out = new LinkedHashMap<>();
        service.targetClusters(r).forEach(c -> out.put(c, service.facts(c)));
        return out;
    }

    private static Optional<PreflightFinding> finding(PreflightReport r, String id) {
        return r.findings().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @ParameterizedTest(name = "{0}: Kyverno {1}")
    @CsvSource({
        "backstack-hub, v1.11.4, CLUSTER_POLICY,    0",
        "spoke-1,       v1.20.0, VALIDATING_POLICY, 6",
        "spoke-2,       v1.11.4, CLUSTER_POLICY,    0",
        "spoke-3,       v1.19.0, VALIDATING_POLICY, 0",
    })
    @DisplayName(
            "reads each cluster's Kyverno version, the policy kind it gets, and the ClusterPolicies it no longer runs")
    void factsPerCluster(String cluster, String version, KyvernoGeneration generation, int legacy) {
        ClusterFacts f = service.facts(cluster);

        assertThat(f.problem()).isNull();
        assertThat(f.kyvernoVersion()).contains(version);
        assertThat(f.generation()).contains(generation);
        assertThat(f.legacy()).hasSize(legacy);
    }

    @Test
    @DisplayName(
            "spoke-1's six reference ClusterPolicies are flagged, each with its converted ValidatingPolicy in its mode")
    void legacyPoliciesOfferConversions() {
        List<LegacyPolicies.Legacy> legacy = service.facts("spoke-1").legacy();

        assertThat(legacy)
                .extracting(l -> l.name() + " -> " + l.entry().orElseThrow().id() + " (" + l.mode() + ")")
                .containsExactlyInAnyOrder(
                        "disallow-privileged-containers -> disallow-privileged-containers (Enforce)",
                        "disallow-host-namespaces -> disallow-host-namespaces (Enforce)",
                        "disallow-host-path -> disallow-host-path (Enforce)",
                        "require-run-as-nonroot -> require-run-as-non-root (Audit)",
                        "require-ro-rootfs -> require-read-only-root-filesystem (Audit)",
                        "require-requests-limits -> require-requests-limits (Audit)");
        for (LegacyPolicies.Legacy l : legacy) {
            GenericKubernetesResource converted = l.replacement().orElseThrow();
            assertThat(converted.getApiVersion() + " " + converted.getKind())
                    .isEqualTo("policies.kyverno.io/v1 " + "ValidatingPolicy");
            assertThat(converted.getMetadata().getName())
                    .isEqualTo(l.entry().orElseThrow().id());
            assertThat(((Map<?, ?>) converted.getAdditionalProperties().get("spec")).get("validationActions"))
                    .isEqualTo(List.of(l.mode().equals("Enforce") ? "Deny" : "Audit"));
        }
        assertThat(legacy.get(0).message("v1.20.0"))
                .startsWith("not enforced: legacy ClusterPolicy ")
                .contains("on Kyverno v1.20.0; converted ValidatingPolicy ", " offered");
        assertThat(service.facts("spoke-1").summary())
                .isEqualTo("Kyverno v1.20.0: ValidatingPolicy; 6 legacy ClusterPolicies not enforced");
    }

    @Test
    @DisplayName("a cluster the panel has no connection to is a fact with a problem, and the preflight blocks on it")
    void unknownCluster() throws Exception {
        ClusterFacts f = service.facts("spoke-9");
        assertThat(f.problem()).isEqualTo("the panel has no connection to spoke-9");
        assertThat(f.generation()).isEmpty();

        PolicyRequest r = apply(List.of(selection("require-probes", PolicyMode.AUDIT)), false, "spoke-9");
        PreflightReport report = service.preflight(r, facts(r), service.impact(r), GitCredentials.none());

        assertThat(report.blocked()).isTrue();
        assertThat(finding(report, "kyverno-spoke-9")).get().satisfies(k -> {
            assertThat(k.blocks()).isTrue();
            assertThat(k.detail()).isEqualTo("the panel has no connection to spoke-9");
        });
        assertThat(service.plans(r, facts(r), GitCredentials.none()))
                .as("no plan for it")
                .isEmpty();
    }

    @Test
    @DisplayName("a cluster that does not answer is said to be unreachable, not to lack Kyverno")
    void unreachableCluster() throws Exception {
        var demo = fleet.demoFleet().orElseThrow();
        demo.stopServer("spoke-2");
        try {
            ClusterFacts f = service.facts("spoke-2");
            assertThat(f.problem()).startsWith("cannot reach spoke-2: ");
            assertThat(f.summary()).doesNotContain("no Kyverno");
            assertThat(f.generation()).isEmpty();
        } finally {
            demo.startServer("spoke-2");
        }
    }

    @Test
    @DisplayName(
            "the preflight blocks when a target has no Kyverno, and says to install it there; no plan is made for it")
    void preflightBlocksWithoutKyverno() throws Exception {
        PolicyRequest r = apply(List.of(selection("require-probes", PolicyMode.AUDIT)), true, "spoke-3");
        Map<String, ClusterFacts> facts = facts(r);
        facts.put(
                "spoke-3",
                new ClusterFacts(
                        "spoke-3",
                        Optional.empty(),
                        List.of(),
                        "no Kyverno found on spoke-3 (looked for the kyverno-admission-controller Deployment)"));

        PreflightReport report = service.preflight(r, facts, List.of(), GitCredentials.none());

        assertThat(report.blocking()).extracting(PreflightFinding::id).containsExactly("kyverno-spoke-3");
        assertThat(report.blocking().get(0).hint()).startsWith("Install Kyverno on spoke-3 first");
        assertThat(finding(report, "kyverno-backstack-hub")).get().matches(PreflightFinding::passed);
        assertThat(service.plans(r, facts, GitCredentials.none()))
                .extracting(cp -> cp.cluster())
                .containsExactly(HUB);
    }

    @Test
    @DisplayName("the preflight blocks an empty request: no policy, and no target")
    void preflightBlocksAnEmptyRequest() throws Exception {
        PolicyRequest r = apply(List.of(), false);

        PreflightReport report = service.preflight(r, facts(r), List.of(), GitCredentials.none());

        assertThat(report.blocked()).isTrue();
        assertThat(finding(report, "request")).get().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.detail())
                    .isEqualTo("Choose at least one policy.\n"
                            + "Choose where the policies go: the hub, spokes, or both.");
        });
    }

    @Test
    @DisplayName(
            "Enforce's impact names spoke-1's legacy-cms pod for disallow-latest-tag and becomes a preflight warning")
    void enforceImpactWarnsAboutTheFloatingTag() throws Exception {
        PolicyRequest r = apply(List.of(selection("disallow-latest-tag", PolicyMode.ENFORCE)), false, "spoke-1");

        List<PolicyImpact> impact = service.impact(r);

        assertThat(impact).singleElement().satisfies(i -> {
            assertThat(i.cluster()).isEqualTo("spoke-1");
            assertThat(i.problem()).isNull();
            assertThat(i.evaluated().blockedObjects())
                    .extracting(o -> o.namespace() + "/" + o.name())
                    .containsExactly("web/legacy-cms-5f4b8-p9d2w");
        });
        PreflightReport report = service.preflight(r, facts(r), impact, GitCredentials.none());
        assertThat(finding(report, "impact-spoke-1-disallow-latest-tag")).get().satisfies(f -> {
            assertThat(f.warns()).isTrue();
            assertThat(f.detail())
                    .startsWith("1 existing objects would be refused when next created or updated:")
                    .contains("Pod/legacy-cms-5f4b8-p9d2w: Give every image a tag other than 'latest', or a digest.");
        });
        assertThat(finding(report, "legacy-spoke-1")).get().matches(PreflightFinding::warns);
        assertThat(report.blocked()).isFalse();
    }

    @Test
    @DisplayName("in Audit the same policy makes no impact finding: only Enforce refuses objects")
    void auditMakesNoImpactFinding() throws Exception {
        PolicyRequest r = apply(List.of(selection("disallow-latest-tag", PolicyMode.AUDIT)), false, "spoke-1");

        PreflightReport report = service.preflight(r, facts(r), service.impact(r), GitCredentials.none());

        assertThat(report.findings()).extracting(PreflightFinding::id).noneMatch(id -> id.startsWith("impact-"));
    }

    @Test
    @DisplayName("a GitOps request reaches the hub and the spokes whose Argo CD secrets carry the selector's labels")
    void gitOpsTargetsFollowTheSelector() {
        Path repo = dir.resolve("gitops.git");
        PolicySelection probes = selection("require-probes", PolicyMode.AUDIT);

        assertThat(service.targetClusters(gitOps(repo, true, PolicyRequest.SPOKES, "b", probes)))
                .containsExactly(HUB, "spoke-1", "spoke-2", "spoke-3");
        assertThat(service.targetClusters(gitOps(repo, false, Map.of("clusterType", "edge"), "b", probes)))
                .isEmpty();
        assertThat(service.targetClusters(gitOps(repo, true, Map.of(), "b", probes)))
                .containsExactly(HUB);
    }

    @Test
    @DisplayName(
            "a GitOps preview is one git-commit step on the hub whose files are GitOpsLayout's: hub, spokes, ApplicationSet")
    void gitOpsPreviewFollowsTheLayout() {
        Path repo = dir.resolve("gitops.git");
        PolicySelection probes = selection("require-probes", PolicyMode.AUDIT);
        PolicySelection latest = selection("disallow-latest-tag", PolicyMode.ENFORCE);
        PolicyRequest r = gitOps(repo, true, PolicyRequest.SPOKES, "backstack/policies", probes, latest);

        PlanPreview preview = service.preview(r, facts(r), GitCredentials.none());

        assertThat(preview.steps()).singleElement().satisfies(step -> {
            assertThat(step.info().id()).isEqualTo(HUB + "/gitops-commit");
            assertThat(step.info().kind()).isEqualTo(StepKind.GIT_COMMIT);
        });
        Map<String, String> expected = GitOpsLayout.files(
                List.of(probes, latest),
                KyvernoGeneration.CLUSTER_POLICY,
                KyvernoGeneration.VALIDATING_POLICY,
                PolicyRequest.SPOKES,
                repo.toString(),
                "main");
        assertThat(files(preview.steps().get(0))).containsExactlyEntriesOf(expected);
        assertThat(expected.keySet())
                .containsExactly(
                        "demo/applications/policy-require-probes.yaml",
                        "policies/spokes/require-probes.yaml",
                        "demo/applications/policy-disallow-latest-tag.yaml",
                        "policies/spokes/disallow-latest-tag.yaml",
                        "demo/applications/appset-backstack-policies.yaml");
        assertThat(expected.get("demo/applications/policy-require-probes.yaml")).contains("kind: \"ClusterPolicy\"");
        assertThat(expected.get("policies/spokes/require-probes.yaml")).contains("kind: \"ValidatingPolicy\"");
    }

    @Test
    @DisplayName(
            "a GitOps delivery commits exactly the previewed files on a new branch of the repository; a re-run pushes nothing")
    void gitOpsDeliveryCommitsThePreview() throws Exception {
        Path repo = BareRepository.seed(dir.resolve("gitops.git"));
        PolicyRequest r = gitOps(
                repo,
                true,
                PolicyRequest.SPOKES,
                "backstack/policies",
                selection("restrict-image-registries", PolicyMode.AUDIT)
                        .withValue("registries", List.of("ghcr.io/acme/")));
        Map<String, ClusterFacts> facts = facts(r);
        Map<String, String> previewed =
                files(service.preview(r, facts, GitCredentials.none()).steps().get(0));
        List<PlanEvent> events = new ArrayList<>();

        PolicyService.Delivered done = service.run(r, facts, GitCredentials.none(), List.of(), events::add);

        assertThat(done.outcome()).isEqualTo(PlanOutcome.SUCCEEDED);
        DeliveryResult commit = done.commit().orElseThrow();
        assertThat(commit.outcome()).isEqualTo(DeliveryResult.Outcome.PUSHED);
        assertThat(commit.branch()).isEqualTo("backstack/policies");
        assertThat(commit.filesWritten()).containsExactlyInAnyOrderElementsOf(previewed.keySet());
        Map<String, String> onBranch = BareRepository.files(repo, "backstack/policies");
        Map<String, String> expected = new LinkedHashMap<>(previewed);
        expected.put("README.md", BareRepository.README);
        assertThat(onBranch).isEqualTo(expected);
        assertThat(BareRepository.files(repo, "main")).containsOnlyKeys("README.md");

        PolicyService.Delivered again = service.run(r, facts, GitCredentials.none(), List.of(), e -> {});
        assertThat(again.outcome()).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(again.commit().orElseThrow().outcome()).isEqualTo(DeliveryResult.Outcome.ALREADY_DELIVERED);
        assertThat(BareRepository.head(repo, "backstack/policies")).isEqualTo(commit.commitId());
    }

    /** A git-commit step's files, by repository path, as its preview shows them. */
    private static Map<String, String> files(StepPreview step) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ObjectPreview o : step.objects()) {
            assertThat(o.kind()).isEqualTo("File");
            out.put(o.name(), o.yaml());
        }
        return out;
    }
}
