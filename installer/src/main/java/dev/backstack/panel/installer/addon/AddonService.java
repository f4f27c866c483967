package dev.backstack.panel.installer.addon;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.gitops.GitOpsTarget;
import dev.backstack.panel.installer.plan.ApplyStep;
import dev.backstack.panel.installer.plan.ClusterPlan;
import dev.backstack.panel.installer.plan.FleetPlans;
import dev.backstack.panel.installer.plan.GitCommitStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.PlanService;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.VersionRange;
import dev.backstack.panel.installer.plan.Wait;
import dev.backstack.panel.installer.policy.GitOpsLayout;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.installer.policy.SpokeSelector;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the add-on wizard and {@code addons apply} call: the ApplicationSets of a request (the same
 * objects {@code addons render} prints), the spokes a selector matches now, and the plan on the
 * one engine: applied directly to the hub (one server-side apply step per add-on, once the
 * ApplicationSet CRD is Established; journalled, so a re-run writes nothing) or committed to the
 * GitOps repository (one {@link GitCommitStep}, files in the folder the hub's Argo CD syncs), its
 * preview, preflight (the engine's, with a server-side dry run on the hub, plus which spokes each
 * add-on would reach) and run. Methods other than {@link #render}, {@link #files} and
 * {@link #preview} block: call them from a background task.
 */
public final class AddonService {

    /** The journal id of the add-on plan on the hub. */
    public static final String PLAN_ID = "addons";

    public static final VersionRange SUPPORTED = VersionRange.of("1.27", "1.36");
    static final String APPLICATIONSET_CRD = "applicationsets.argoproj.io";

    /** How a delivery ended, with the GitOps commit (its pull-request link) when there was one. */
    public record Delivered(PlanOutcome outcome, Optional<DeliveryResult> commit) {}

    private final AddonCatalog catalog;
    private final PolicyClusters clusters;
    private final Path journalDir;
    private final Clock clock;
    private final GitOpsDelivery git;

    public AddonService(
            AddonCatalog catalog, PolicyClusters clusters, Path journalDir, Clock clock, GitOpsDelivery git) {
        this.catalog = catalog;
        this.clusters = clusters;
        this.journalDir = journalDir;
        this.clock = clock;
        this.git = git;
    }

    public AddonCatalog catalog() {
        return catalog;
    }

    public PolicyClusters clusters() {
        return clusters;
    }

    /**
     * The ApplicationSets, one per add-on, with the catalog's waves.
     *
     * @throws IllegalArgumentException with every problem of the request
     */
    public List<GenericKubernetesResource> render(AddonRequest r) {
        List<String> problems = r.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return AddonRenderer.render(catalog, r.selections(), r.repository(), r.baseBranch());
    }

    /** The files a GitOps delivery commits: {@code demo/applications/appset-<id>.yaml}, which the hub's Argo CD syncs. */
    public Map<String, String> files(AddonRequest r) {
        Map<String, String> files = new LinkedHashMap<>();
        for (GenericKubernetesResource a : render(r)) {
            files.put(path(a.getMetadata().getName()), Serialization.asYaml(a));
        }
        return files;
    }

    /** The file of one add-on's ApplicationSet; {@code backstack-policies} is the file {@code policies apply --gitops} writes. */
    public static String path(String addon) {
        return GitOpsLayout.HUB_FOLDER + "/appset-" + addon + ".yaml";
    }

    /** The spokes whose Argo CD cluster secrets on the hub carry every label of the selector, now. Blocking. */
    public List<String> matchingSpokes(Map<String, String> selector) {
        return SpokeSelector.matching(clusters, selector);
    }

    /** The plan on the hub; empty when the panel has no connection to the hub. */
    public List<ClusterPlan> plans(AddonRequest r, GitCredentials credentials) {
        String hub = clusters.hub();
        if (clusters.target(hub).isEmpty()) {
            return List.of();
        }
        PlanService service = new PlanService(clusters.target(hub).orElseThrow(), journalDir, clock);
        Plan plan = r.delivery() == AddonRequest.Delivery.GITOPS ? gitOpsPlan(r, credentials) : directPlan(r);
        return List.of(new ClusterPlan(hub, service, plan));
    }

    private Plan directPlan(AddonRequest r) {
        List<Step> steps = new ArrayList<>();
        List<GenericKubernetesResource> sets = render(r);
        for (int i = 0; i < sets.size(); i++) {
            AddonSelection s = r.selections().get(i);
            steps.add(ApplyStep.builder(
                            s.entry().id(), "ApplicationSet " + s.entry().id() + " (" + version(s) + ")")
                    .description(s.entry().title() + " for " + targets(s) + ", through the hub's Argo CD")
                    .object(sets.get(i))
                    .activatedWhen(Wait.crdEstablished(APPLICATIONSET_CRD))
                    .budget(Duration.ofSeconds(30))
                    .build());
        }
        return new Plan(PLAN_ID, title(r), steps);
    }

    private Plan gitOpsPlan(AddonRequest r, GitCredentials credentials) {
        Map<String, String> files = files(r);
        GitCommitStep step = GitCommitStep.builder(
                        "gitops-commit",
                        "Commit " + files.size() + (files.size() == 1 ? " file to " : " files to ") + r.repository()
                                + " on branch " + r.branch())
                .delivery(git)
                .target(new GitOpsTarget(
                        r.repository(),
                        r.baseBranch(),
                        r.branch(),
                        "",
                        "BACK Stack panel",
                        "backstack-panel@users.noreply.github.com"))
                .files(files)
                .commitMessage("Add-ons from the BACK Stack panel: "
                        + String.join(
                                ", ",
                                r.selections().stream()
                                        .map(s -> s.entry().id() + " " + version(s) + " for " + targets(s))
                                        .toList()))
                .credentials(credentials)
                .build();
        return new Plan(PLAN_ID + "-gitops", title(r), List.of(step));
    }

    /** Everything the request would apply or commit. */
    public PlanPreview preview(AddonRequest r, GitCredentials credentials) {
        return FleetPlans.preview(PLAN_ID, title(r), plans(r, credentials));
    }

    /** Every gap at once, before any write: the request, the spokes each add-on reaches now, the engine's preflight on the hub. */
    public PreflightReport preflight(AddonRequest r, GitCredentials credentials) throws InterruptedException {
        List<PreflightFinding> findings = new ArrayList<>(AddonChecks.request(
                r, clusters.hub(), clusters.target(clusters.hub()).isPresent(), this::matchingSpokes));
        if (r.problems().isEmpty()) {
            List<ClusterPlan> plans = plans(r, credentials);
            if (!plans.isEmpty()) {
                findings.addAll(
                        FleetPlans.preflight(plans, SUPPORTED, cp -> List.of()).findings());
            }
        }
        return new PreflightReport(findings);
    }

    /** Applies or commits; resumes from the hub's journal. */
    public Delivered run(
            AddonRequest r, GitCredentials credentials, List<String> overrides, Consumer<PlanEvent> events) {
        List<ClusterPlan> plans = plans(r, credentials);
        if (plans.isEmpty()) {
            throw new IllegalStateException(
                    "the panel has no connection to the hub " + clusters.hub() + "; connect to it and run again");
        }
        List<String> qualified = overrides.stream()
                .map(o -> plans.get(0).local(o) != null ? o : plans.get(0).qualify(o))
                .toList();
        PlanOutcome outcome = FleetPlans.run(PLAN_ID, plans, qualified, events, clock);
        Optional<DeliveryResult> commit = plans.stream()
                .flatMap(cp -> cp.plan().steps().stream())
                .filter(GitCommitStep.class::isInstance)
                .map(GitCommitStep.class::cast)
                .flatMap(step -> step.result().stream())
                .findFirst();
        return new Delivered(outcome, commit);
    }

    static String version(AddonSelection s) {
        return s.entry().source() instanceof dev.backstack.panel.model.addon.AddonSource.Chart c
                ? c.name() + " " + c.version()
                : "GitOps folder";
    }

    /** {@code spokes labelled clusterType=spoke}, {@code spoke-1, spoke-2}. */
    public static String targets(AddonSelection s) {
        if (!s.spokes().isEmpty()) {
            return String.join(", ", s.spokes());
        }
        return "spokes labelled "
                + String.join(
                        ",",
                        s.selector().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }

    private static String title(AddonRequest r) {
        int n = r.selections().size();
        return n
                + (n == 1 ? " add-on" : " add-ons")
                + (r.delivery() == AddonRequest.Delivery.GITOPS
                        ? " through the GitOps repository"
                        : " applied to the hub");
    }
}
