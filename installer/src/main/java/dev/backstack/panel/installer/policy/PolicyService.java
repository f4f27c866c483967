package dev.backstack.panel.installer.policy;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.gitops.GitOpsTarget;
import dev.backstack.panel.installer.plan.ClusterPlan;
import dev.backstack.panel.installer.plan.FleetPlans;
import dev.backstack.panel.installer.plan.GitCommitStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.PlanService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.plan.VersionRange;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyRequest;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the policy wizard and the {@code policies} commands call: the facts of each cluster
 * (Kyverno version, generation, legacy policies), the plan for a request (applied directly,
 * cluster by cluster, or committed to the GitOps repository), its preview, preflight and run, and
 * the Enforce-impact preview. The screen and the command line go through these same methods.
 * Methods other than {@link #preview} block: call them from a background task.
 */
public final class PolicyService {

    /** Kubernetes versions the policy kinds are used on (ValidatingAdmissionPolicy-era clusters and Kyverno's range). */
    public static final VersionRange SUPPORTED = VersionRange.of("1.27", "1.36");

    private final PolicyCatalog catalog;
    private final PolicyClusters clusters;
    private final Path journalDir;
    private final Clock clock;
    private final GitOpsDelivery git;

    public PolicyService(
            PolicyCatalog catalog, PolicyClusters clusters, Path journalDir, Clock clock, GitOpsDelivery git) {
        this.catalog = catalog;
        this.clusters = clusters;
        this.journalDir = journalDir;
        this.clock = clock;
        this.git = git;
    }

    public PolicyCatalog catalog() {
        return catalog;
    }

    public PolicyClusters clusters() {
        return clusters;
    }

    /** Reads one cluster's Kyverno version and its ClusterPolicies that Kyverno no longer executes. */
    public ClusterFacts facts(String cluster) {
        Optional<PlanTarget> t = clusters.target(cluster);
        if (t.isEmpty()) {
            return new ClusterFacts(cluster, Optional.empty(), List.of(), "the panel has no connection to " + cluster);
        }
        try {
            t.get().client().getKubernetesVersion();
        } catch (KubernetesClientException e) {
            return new ClusterFacts(
                    cluster, Optional.empty(), List.of(), "cannot reach " + cluster + ": " + ImpactPreview.reason(e));
        }
        Optional<String> version = KyvernoProbe.version(t.get().client());
        if (version.isEmpty()) {
            return new ClusterFacts(
                    cluster,
                    version,
                    List.of(),
                    "no Kyverno found on " + cluster + " (looked for the kyverno-admission-controller Deployment)");
        }
        return new ClusterFacts(
                cluster,
                version,
                LegacyPolicies.find(clusterPolicies(t.get()), version.get(), catalog),
                version.flatMap(KyvernoGeneration::forVersion).isPresent()
                        ? null
                        : "Kyverno " + version.get() + " on " + cluster + " is a version the panel does not know");
    }

    /** The clusters a request reaches: the hub and the named spokes, or (GitOps) the spokes the selector matches. */
    public List<String> targetClusters(PolicyRequest r) {
        List<String> out = new ArrayList<>();
        if (r.hub()) {
            out.add(clusters.hub());
        }
        if (r.delivery() == PolicyRequest.Delivery.APPLY) {
            out.addAll(r.spokes());
        } else if (!r.spokeSelector().isEmpty()) {
            out.addAll(SpokeSelector.matching(clusters, r.spokeSelector()));
        }
        return out;
    }

    /** The plan for a request on the given facts (one per target cluster). Pure apart from building clients' services. */
    public List<ClusterPlan> plans(PolicyRequest r, Map<String, ClusterFacts> facts, GitCredentials credentials) {
        if (r.delivery() == PolicyRequest.Delivery.GITOPS) {
            return List.of(new ClusterPlan(clusters.hub(), service(clusters.hub()), gitOpsPlan(r, facts, credentials)));
        }
        List<ClusterPlan> out = new ArrayList<>();
        for (String cluster : targetClusters(r)) {
            ClusterFacts f = facts.get(cluster);
            KyvernoGeneration g = f == null ? null : f.generation().orElse(null);
            if (g != null && clusters.target(cluster).isPresent()) {
                out.add(new ClusterPlan(cluster, service(cluster), PolicyPlans.direct(cluster, r.selections(), g)));
            }
        }
        return out;
    }

    /** Everything the request would apply or commit. */
    public PlanPreview preview(PolicyRequest r, Map<String, ClusterFacts> facts, GitCredentials credentials) {
        return FleetPlans.preview(PolicyPlans.PLAN_ID, title(r), plans(r, facts, credentials));
    }

    /** Every gap at once, before any write, with the Enforce impact as warnings. */
    public PreflightReport preflight(
            PolicyRequest r, Map<String, ClusterFacts> facts, List<PolicyImpact> impact, GitCredentials credentials)
            throws InterruptedException {
        List<PreflightFinding> findings =
                new ArrayList<>(PolicyChecks.request(r, clusters.hub(), targetClusters(r), facts, impact));
        List<ClusterPlan> plans = plans(r, facts, credentials);
        if (!plans.isEmpty()) {
            findings.addAll(
                    FleetPlans.preflight(plans, SUPPORTED, cp -> List.of()).findings());
        }
        return new PreflightReport(findings);
    }

    /** How a delivery ended, with what the GitOps commit did (its pull-request link) when there was one. */
    public record Delivered(PlanOutcome outcome, Optional<DeliveryResult> commit) {}

    /** Applies or commits; resumes each cluster from its journal. */
    public Delivered run(
            PolicyRequest r,
            Map<String, ClusterFacts> facts,
            GitCredentials credentials,
            List<String> overrides,
            Consumer<PlanEvent> events) {
        List<ClusterPlan> plans = plans(r, facts, credentials);
        // The wizard's own findings carry no cluster prefix: record their overrides in the first cluster's journal.
        List<String> qualified = plans.isEmpty()
                ? overrides
                : overrides.stream()
                        .map(o -> plans.stream().anyMatch(cp -> cp.local(o) != null)
                                ? o
                                : plans.get(0).qualify(o))
                        .toList();
        PlanOutcome outcome = FleetPlans.run(PolicyPlans.PLAN_ID, plans, qualified, events, clock);
        Optional<DeliveryResult> commit = plans.stream()
                .flatMap(cp -> cp.plan().steps().stream())
                .filter(GitCommitStep.class::isInstance)
                .map(GitCommitStep.class::cast)
                .flatMap(step -> step.result().stream())
                .findFirst();
        return new Delivered(outcome, commit);
    }

    /** The impact of the request's policies on every target cluster, each evaluated against what exists now. */
    public List<PolicyImpact> impact(PolicyRequest r) throws InterruptedException {
        List<PolicyImpact> out = new ArrayList<>();
        for (String cluster : targetClusters(r)) {
            Optional<PlanTarget> t = clusters.target(cluster);
            if (t.isPresent()) {
                out.addAll(new ImpactPreview(cluster, t.get().client()).assess(r.selections()));
            }
        }
        return out;
    }

    private Plan gitOpsPlan(PolicyRequest r, Map<String, ClusterFacts> facts, GitCredentials credentials) {
        KyvernoGeneration hub = r.hub() ? generation(facts, List.of(clusters.hub())) : null;
        KyvernoGeneration spokes = r.spokeSelector().isEmpty()
                ? null
                : generation(facts, SpokeSelector.matching(clusters, r.spokeSelector()));
        PolicyRequest.GitOpsChoice g = r.gitops();
        Map<String, String> files =
                GitOpsLayout.files(r.selections(), hub, spokes, r.spokeSelector(), g.repository(), g.baseBranch());
        GitCommitStep step = GitCommitStep.builder(
                        "gitops-commit",
                        "Commit " + files.size() + " files to " + g.repository() + " on branch " + g.branch())
                .delivery(git)
                .target(new GitOpsTarget(
                        g.repository(),
                        g.baseBranch(),
                        g.branch(),
                        "",
                        "BACK Stack panel",
                        "backstack-panel@users.noreply.github.com"))
                .files(files)
                .commitMessage("Kyverno policies from the BACK Stack panel: "
                        + String.join(
                                ", ",
                                r.selections().stream()
                                        .map(s ->
                                                s.entry().id() + " (" + s.mode().title() + ")")
                                        .toList()))
                .credentials(credentials)
                .build();
        return new Plan(PolicyPlans.PLAN_ID + "-gitops", title(r), List.of(step));
    }

    /** The one generation the clusters' Kyverno versions agree on; ValidatingPolicy when unknown. */
    static KyvernoGeneration generation(Map<String, ClusterFacts> facts, List<String> names) {
        List<KyvernoGeneration> found = names.stream()
                .map(facts::get)
                .filter(f -> f != null)
                .flatMap(f -> f.generation().stream())
                .distinct()
                .toList();
        return found.size() == 1 ? found.get(0) : KyvernoGeneration.VALIDATING_POLICY;
    }

    private PlanService service(String cluster) {
        return new PlanService(clusters.target(cluster).orElseThrow(), journalDir, clock);
    }

    private static String title(PolicyRequest r) {
        return r.selections().size()
                + (r.selections().size() == 1 ? " Kyverno policy" : " Kyverno policies")
                + (r.delivery() == PolicyRequest.Delivery.GITOPS
                        ? " through the GitOps repository"
                        : " applied directly");
    }

    private static List<KubeObject> clusterPolicies(PlanTarget t) {
        try {
            return t.client().genericKubernetesResources("kyverno.io/v1", "ClusterPolicy").list().getItems().stream()
                    .map(o -> new KubeObject(
                            o.getApiVersion(),
                            o.getKind(),
                            null,
                            o.getMetadata().getName(),
                            null,
                            0,
                            null,
                            null,
                            o.getMetadata().getLabels(),
                            null,
                            null,
                            new LinkedHashMap<>(o.getAdditionalProperties())))
                    .toList();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }
}
