package dev.backstack.panel.installer.namespace;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.gitops.GitOpsTarget;
import dev.backstack.panel.installer.plan.ClusterPlan;
import dev.backstack.panel.installer.plan.FleetPlans;
import dev.backstack.panel.installer.plan.GitCommitStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.PlanService;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.installer.policy.Selections;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.namespace.TeamPolicy;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.KyvernoGeneration;
import dev.backstack.panel.model.policy.PolicyCategory;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicySelection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the namespace wizard and the {@code namespace} command call: the spoke's facts (its
 * Kyverno, through {@link PolicyService}), the rendered bundle, and the plan (one
 * {@link ClusterPlan} on the spoke, or a {@link GitCommitStep} run on the hub for GitOps) with its
 * preview, preflight and run. Methods other than {@link #render} and {@link #preview} block:
 * call them from a background task.
 */
public final class NamespaceService {

    private final PolicyService policies;
    private final Path journalDir;
    private final Clock clock;
    private final GitOpsDelivery git;

    public NamespaceService(
            PolicyCatalog catalog, PolicyClusters clusters, Path journalDir, Clock clock, GitOpsDelivery git) {
        this.policies = new PolicyService(catalog, clusters, journalDir, clock, git);
        this.journalDir = journalDir;
        this.clock = clock;
        this.git = git;
    }

    public PolicyCatalog catalog() {
        return policies.catalog();
    }

    public PolicyClusters clusters() {
        return policies.clusters();
    }

    /** The spoke's Kyverno (and why it cannot take policies, if so). Blocking. */
    public ClusterFacts facts(String spoke) {
        return policies.facts(spoke);
    }

    /**
     * The catalog entries a team's namespace may be asked to pass: those checking namespaced
     * workload kinds. The cluster-claim guardrails are left out: they check the hub's
     * AKSCluster/EKSCluster APIs, which a spoke does not serve.
     */
    public List<PolicyEntry> teamPolicies() {
        return policies.catalog().entries().stream()
                .filter(e -> e.namespaced() && e.category() != PolicyCategory.CLUSTER_CLAIMS)
                .toList();
    }

    /** The catalog entries of the request's policies with their defaults and mode; every unknown id at once. */
    public List<PolicySelection> selections(NamespaceRequest r) {
        Map<String, String> modes = new LinkedHashMap<>();
        r.policies().forEach(p -> modes.put(p.id(), p.mode().name()));
        return Selections.of(
                policies.catalog(), r.policies().stream().map(TeamPolicy::id).toList(), modes, Map.of(), List.of());
    }

    /** The generation to render for: the spoke's, or ValidatingPolicy when unknown. */
    public static KyvernoGeneration generation(ClusterFacts facts) {
        return facts == null
                ? KyvernoGeneration.VALIDATING_POLICY
                : facts.generation().orElse(KyvernoGeneration.VALIDATING_POLICY);
    }

    /** The bundle for the request. @throws IllegalArgumentException listing every problem of the request */
    public NamespaceBundle render(NamespaceRequest r, KyvernoGeneration generation) {
        List<String> problems = problems(r);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return NamespaceRenderer.render(r, selections(r), generation);
    }

    /** The request's problems and unknown policy ids, one line each. */
    public List<String> problems(NamespaceRequest r) {
        List<String> out = new ArrayList<>(r.problems());
        if (!r.spoke().isEmpty() && !clusters().spokes().contains(r.spoke())) {
            out.add("Spoke: the panel knows no spoke " + r.spoke() + " (it knows "
                    + String.join(", ", clusters().spokes()) + ")");
        }
        try {
            selections(r);
        } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
        }
        for (TeamPolicy p : r.policies()) {
            policies.catalog()
                    .entry(p.id())
                    .filter(e -> !teamPolicies().contains(e))
                    .ifPresent(e -> out.add("Policy " + e.id()
                            + " guards the hub's cluster claims, which a spoke's namespace does not hold: "
                            + "choose a workload policy (pod security or best practices)"));
        }
        return out;
    }

    /** The plan, or none when the request cannot be rendered or the cluster it runs on is not connected. */
    public List<ClusterPlan> plans(NamespaceRequest r, ClusterFacts facts, GitCredentials credentials) {
        boolean kyvernoMissing =
                !r.policies().isEmpty() && (facts == null || facts.generation().isEmpty());
        if (!problems(r).isEmpty() || !r.viaGitOps() && kyvernoMissing) {
            return List.of();
        }
        NamespaceBundle bundle = render(r, generation(facts));
        String cluster = r.viaGitOps() ? clusters().hub() : r.spoke();
        if (clusters().target(cluster).isEmpty()) {
            return List.of();
        }
        Plan plan = r.viaGitOps() ? gitOpsPlan(r, bundle, credentials) : NamespacePlans.direct(r, bundle);
        return List.of(new ClusterPlan(cluster, service(cluster), plan));
    }

    /** Everything the request would apply or commit. */
    public PlanPreview preview(NamespaceRequest r, ClusterFacts facts, GitCredentials credentials) {
        return FleetPlans.preview(NamespacePlans.planId(r), title(r), plans(r, facts, credentials));
    }

    /** Every gap at once, before any write. */
    public PreflightReport preflight(NamespaceRequest r, ClusterFacts facts, GitCredentials credentials)
            throws InterruptedException {
        boolean connected = clusters().target(r.spoke()).isPresent();
        List<PreflightFinding> findings = new ArrayList<>(NamespaceChecks.request(r, problems(r), connected, facts));
        List<ClusterPlan> plans = plans(r, facts, credentials);
        if (!plans.isEmpty()) {
            findings.addAll(FleetPlans.preflight(
                            plans,
                            PolicyService.SUPPORTED,
                            cp -> r.viaGitOps() ? List.of() : List.of(NamespaceChecks.onSpoke(r)))
                    .findings());
        }
        return new PreflightReport(findings);
    }

    /** Applies or commits; resumes from the journal. BLOCKED, writing nothing, when there is no plan to run. */
    public PolicyService.Delivered run(
            NamespaceRequest r,
            ClusterFacts facts,
            GitCredentials credentials,
            List<String> overrides,
            Consumer<PlanEvent> events) {
        List<ClusterPlan> plans = plans(r, facts, credentials);
        if (plans.isEmpty()) {
            events.accept(new PlanEvent.PlanFinished(
                    clock.instant(), PlanOutcome.BLOCKED, "nothing was written: " + whyNoPlan(r, facts)));
            return new PolicyService.Delivered(PlanOutcome.BLOCKED, Optional.empty());
        }
        List<String> qualified = plans.isEmpty()
                ? overrides
                : overrides.stream()
                        .map(o ->
                                plans.get(0).local(o) != null ? o : plans.get(0).qualify(o))
                        .toList();
        var outcome = FleetPlans.run(NamespacePlans.planId(r), plans, qualified, events, clock);
        Optional<DeliveryResult> commit = plans.stream()
                .flatMap(cp -> cp.plan().steps().stream())
                .filter(GitCommitStep.class::isInstance)
                .map(GitCommitStep.class::cast)
                .flatMap(step -> step.result().stream())
                .findFirst();
        return new PolicyService.Delivered(outcome, commit);
    }

    /** Why {@link #plans} made no plan, in the preflight's words. */
    private String whyNoPlan(NamespaceRequest r, ClusterFacts facts) {
        List<String> problems = problems(r);
        if (!problems.isEmpty()) {
            return String.join("; ", problems);
        }
        String cluster = r.viaGitOps() ? clusters().hub() : r.spoke();
        if (clusters().target(cluster).isEmpty()) {
            return "the panel has no connection to " + cluster;
        }
        return (facts == null ? "Kyverno on " + r.spoke() + " was not read" : facts.summary()) + "; install Kyverno on "
                + r.spoke() + " first, or choose no policies";
    }

    private Plan gitOpsPlan(NamespaceRequest r, NamespaceBundle bundle, GitCredentials credentials) {
        var g = r.gitops();
        Map<String, String> files = NamespaceGitOpsLayout.files(r, bundle, g.repository(), g.baseBranch());
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
                .commitMessage("Namespace " + r.name() + " for " + r.team() + " on " + r.spoke()
                        + " from the BACK Stack panel")
                .credentials(credentials)
                .build();
        return new Plan(NamespacePlans.planId(r) + "-gitops", title(r), List.of(step));
    }

    private PlanService service(String cluster) {
        return new PlanService(clusters().target(cluster).orElseThrow(), journalDir, clock);
    }

    private static String title(NamespaceRequest r) {
        return "Namespace " + r.name() + " on " + r.spoke()
                + (r.viaGitOps() ? " through the GitOps repository" : " applied directly");
    }
}
