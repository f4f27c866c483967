package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.gitops.GitOpsDelivery;
import dev.backstack.panel.installer.plan.ClusterPlan;
import dev.backstack.panel.installer.plan.FleetPlans;
import dev.backstack.panel.installer.plan.GitCommitStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.PlanService;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.plan.VersionRange;
import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the spoke wizard and the {@code spoke} command call: the claim's schema and problems, the
 * hub's guardrails, the plan (applied on the hub or committed to the GitOps repository), its
 * preview, preflight and run; and the registration of an existing cluster. The screen and the
 * command line go through these same methods. Methods that read a cluster block: call them from
 * a background task.
 */
public final class SpokeService {

    /** Kubernetes versions of hubs the claim and registration plans are used on. */
    public static final VersionRange SUPPORTED = VersionRange.of("1.27", "1.36");

    private final PolicyClusters clusters;
    private final Path journalDir;
    private final Clock clock;
    private final GitOpsDelivery git;

    public SpokeService(PolicyClusters clusters, Path journalDir, Clock clock, GitOpsDelivery git) {
        this.clusters = clusters;
        this.journalDir = journalDir;
        this.clock = clock;
        this.git = git;
    }

    public String hub() {
        return clusters.hub();
    }

    public ClaimSchema schema(ClusterKind kind) {
        return ClaimSchema.of(kind);
    }

    /** Every problem of the request against the API's schema and the delivery; empty when it can be rendered. */
    public List<String> problems(SpokeRequest r) {
        return ClaimRenderer.problems(r, schema(r.kind()));
    }

    /** The hub's guardrail policies' verdicts on the claim. Reads the hub. */
    public List<GuardrailFinding> guardrails(SpokeRequest r) {
        Optional<PlanTarget> hub = clusters.target(clusters.hub());
        if (hub.isEmpty()) {
            return List.of();
        }
        return Guardrails.check(
                Claims.asMap(ClaimRenderer.claim(r)), HubPolicies.list(hub.get().client()));
    }

    /** The claim's plan on the hub: direct, or a GitOps commit. */
    public ClusterPlan plan(SpokeRequest r, GitCredentials credentials) {
        Plan plan = r.delivery() == SpokeRequest.Delivery.GITOPS
                ? SpokePlans.gitOps(r, git, credentials)
                : SpokePlans.direct(r);
        return new ClusterPlan(clusters.hub(), service(clusters.hub()), plan);
    }

    public PlanPreview preview(SpokeRequest r, GitCredentials credentials) {
        ClusterPlan cp = plan(r, credentials);
        return FleetPlans.preview(cp.plan().id(), cp.plan().title(), List.of(cp));
    }

    /** The request's problems, the guardrails (a refusing policy blocks), then the engine's preflight on the hub. */
    public PreflightReport preflight(SpokeRequest r, List<GuardrailFinding> guardrails, GitCredentials credentials)
            throws InterruptedException {
        List<PreflightFinding> findings = new ArrayList<>(checks(r, guardrails));
        if (findings.stream().noneMatch(f -> f.id().equals("claim-schema") && !f.passed())) {
            findings.addAll(FleetPlans.preflight(List.of(plan(r, credentials)), SUPPORTED, cp -> List.of())
                    .findings());
        }
        return new PreflightReport(findings);
    }

    /** The wizard's own checks: the claim against the API's schema, and each guardrail policy. Pure. */
    public List<PreflightFinding> checks(SpokeRequest r, List<GuardrailFinding> guardrails) {
        List<PreflightFinding> out = new ArrayList<>();
        List<String> problems = problems(r);
        out.add(
                problems.isEmpty()
                        ? PreflightFinding.pass(
                                "claim-schema",
                                "Claim fields against the " + r.kind().claimKind() + " API",
                                PreflightFinding.Severity.BLOCKING,
                                "every field is one the API allows")
                        : PreflightFinding.fail(
                                "claim-schema",
                                "Claim fields against the " + r.kind().claimKind() + " API",
                                PreflightFinding.Severity.BLOCKING,
                                String.join("; ", problems),
                                "Change the fields named; the allowed values come from the hub's "
                                        + r.kind().claimKind() + " definition."));
        for (GuardrailFinding g : guardrails) {
            String id = "guardrail-"
                    + g.policy().substring(g.policy().indexOf(' ') + 1).replace('/', '-');
            String title = "Guardrail " + g.policy();
            out.add(
                    switch (g.verdict()) {
                        case PASSES -> PreflightFinding.pass(id, title, PreflightFinding.Severity.BLOCKING, "passes");
                        case REFUSES ->
                            PreflightFinding.fail(
                                    id,
                                    title,
                                    PreflightFinding.Severity.BLOCKING,
                                    "refuses the claim: " + g.message(),
                                    "Change the claim as the policy's message says, or ask "
                                            + "the platform team to change the policy.");
                        case AUDITS ->
                            PreflightFinding.fail(
                                    id,
                                    title,
                                    PreflightFinding.Severity.WARNING,
                                    "audit mode: the claim would be reported, not refused: " + g.message(),
                                    "Go on to accept the report, or change the claim.");
                        case NOT_EVALUATED ->
                            PreflightFinding.pass(
                                    id,
                                    title,
                                    PreflightFinding.Severity.WARNING,
                                    "not evaluated by the panel: " + g.message());
                    });
        }
        return out;
    }

    /** How a delivery ended, with what the GitOps commit did (its pull-request link) when there was one. */
    public record Delivered(PlanOutcome outcome, Optional<DeliveryResult> commit) {}

    /** Applies or commits the claim; resumes from the journal. */
    public Delivered run(
            SpokeRequest r, GitCredentials credentials, List<String> overrides, Consumer<PlanEvent> events) {
        ClusterPlan cp = plan(r, credentials);
        List<String> qualified = overrides.stream()
                .map(o -> cp.local(o) != null ? o : cp.qualify(o))
                .toList();
        PlanOutcome outcome = FleetPlans.run(cp.plan().id(), List.of(cp), qualified, events, clock);
        Optional<DeliveryResult> commit = cp.plan().steps().stream()
                .filter(GitCommitStep.class::isInstance)
                .map(GitCommitStep.class::cast)
                .flatMap(s -> s.result().stream())
                .findFirst();
        return new Delivered(outcome, commit);
    }

    /** A registration's plans: the spoke's (ServiceAccount, token) then the hub's (cluster secret). */
    public List<ClusterPlan> registration(Registration reg, PlanTarget spoke) {
        List<String> problems = reg.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String server = spoke.client().getConfiguration().getMasterUrl().replaceAll("/+$", "");
        return List.of(
                new ClusterPlan(
                        reg.context(), new PlanService(spoke, journalDir, clock), SpokePlans.registerOnSpoke(reg)),
                new ClusterPlan(
                        clusters.hub(),
                        service(clusters.hub()),
                        SpokePlans.registerOnHub(reg, server, spoke.client())));
    }

    public PlanPreview previewRegistration(Registration reg, PlanTarget spoke) {
        return FleetPlans.preview(
                SpokePlans.REGISTER_PLAN, "Register " + reg.name() + " as a spoke", registration(reg, spoke));
    }

    public PreflightReport preflightRegistration(Registration reg, PlanTarget spoke) throws InterruptedException {
        List<PreflightFinding> out = new ArrayList<>();
        if (clusters.spokes().contains(reg.name())) {
            out.add(PreflightFinding.fail(
                    "spoke-name",
                    "Spoke name",
                    PreflightFinding.Severity.WARNING,
                    "the fleet already has a spoke named " + reg.name() + "; its cluster secret is replaced",
                    "Choose another name unless you mean to re-register it."));
        }
        out.addAll(FleetPlans.preflight(registration(reg, spoke), SUPPORTED, cp -> List.of())
                .findings());
        return new PreflightReport(out);
    }

    public PlanOutcome register(
            Registration reg, PlanTarget spoke, List<String> overrides, Consumer<PlanEvent> events) {
        return FleetPlans.run(SpokePlans.REGISTER_PLAN, registration(reg, spoke), overrides, events, clock);
    }

    private PlanService service(String cluster) {
        return new PlanService(
                clusters.target(cluster)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "the panel has no connection to the hub " + cluster + ": connect to it first")),
                journalDir,
                clock);
    }

    /** The hub's policy objects the guardrails read; kinds not served are skipped. */
    static final class HubPolicies {
        private static final List<String[]> KINDS = List.of(
                new String[] {"policies.kyverno.io/v1", "ValidatingPolicy"},
                new String[] {"kyverno.io/v1", "ClusterPolicy"},
                new String[] {"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy"});

        private HubPolicies() {}

        static List<Map<String, ?>> list(io.fabric8.kubernetes.client.KubernetesClient hub) {
            List<Map<String, ?>> out = new ArrayList<>();
            for (String[] k : KINDS) {
                try {
                    hub.genericKubernetesResources(k[0], k[1]).list().getItems().forEach(o -> out.add(Claims.asMap(o)));
                } catch (KubernetesClientException e) {
                    // kind not served (or not readable): nothing of it to evaluate
                }
            }
            return out;
        }
    }
}
