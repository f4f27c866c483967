package dev.backstack.panel.views.spoke;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.spoke.ClaimRenderer;
import dev.backstack.panel.installer.spoke.ClaimSchema;
import dev.backstack.panel.installer.spoke.GuardrailFinding;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A spoke backend for view-model tests: the real claim schema and problems (pure), a scripted
 * guardrail that refuses more than 3 nodes, and recorded previews, preflights and runs.
 */
final class ScriptedSpokeBackend implements SpokeBackend {

    final List<SpokeRequest> guardrailCalls = new ArrayList<>();
    final List<Object> previews = new ArrayList<>();
    final List<Object> runs = new ArrayList<>();
    final List<String> tokensSeen = new ArrayList<>();
    List<String> overridesSeen = List.of();

    @Override
    public String hub() {
        return "backstack-hub";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<String> contexts() {
        return List.of("edge", "lab");
    }

    @Override
    public ClaimSchema schema(ClusterKind kind) {
        return ClaimSchema.of(kind);
    }

    @Override
    public List<String> problems(SpokeRequest request) {
        return ClaimRenderer.problems(request, ClaimSchema.of(request.kind()));
    }

    @Override
    public List<GuardrailFinding> guardrails(SpokeRequest request) {
        guardrailCalls.add(request);
        return List.of(
                request.nodeCount() > 3
                        ? new GuardrailFinding(
                                "ValidatingAdmissionPolicy backstack-limit-cluster-node-count",
                                GuardrailFinding.Verdict.REFUSES,
                                "A cluster may have at most 3 nodes: reduce spec.parameters.nodes.count.")
                        : new GuardrailFinding(
                                "ValidatingAdmissionPolicy backstack-limit-cluster-node-count",
                                GuardrailFinding.Verdict.PASSES,
                                ""));
    }

    @Override
    public PlanPreview preview(SpokeRequest request, SecretText token) {
        previews.add(request);
        return new PlanPreview("spoke-claim", "claim", List.of());
    }

    @Override
    public PreflightReport preflight(SpokeRequest request, SecretText token) {
        return new PreflightReport(List.of(
                PreflightFinding.pass("claim-schema", "Claim", PreflightFinding.Severity.BLOCKING, "ok"),
                PreflightFinding.fail(
                        "guardrail-audit", "Guardrail audit", PreflightFinding.Severity.WARNING, "audit", "go on")));
    }

    @Override
    public SpokeService.Delivered run(
            SpokeRequest request, SecretText token, List<String> overrides, Consumer<PlanEvent> events) {
        runs.add(request);
        overridesSeen = overrides;
        tokensSeen.add(token == null ? "" : token.reveal());
        Optional<DeliveryResult> commit = request.delivery() == SpokeRequest.Delivery.GITOPS
                ? Optional.of(new DeliveryResult(
                        DeliveryResult.Outcome.PUSHED,
                        request.gitops().repository(),
                        "main",
                        request.gitops().branch(),
                        "abc123",
                        List.of("demo/clusters/" + request.id() + ".yaml"),
                        Optional.of("https://github.com/acme/gitops/compare/main..."
                                + request.gitops().branch() + "?expand=1")))
                : Optional.empty();
        return new SpokeService.Delivered(PlanOutcome.SUCCEEDED, commit);
    }

    @Override
    public PlanPreview preview(Registration registration) {
        previews.add(registration);
        return new PlanPreview("spoke-register", "register", List.of());
    }

    @Override
    public PreflightReport preflight(Registration registration) {
        return new PreflightReport(List.of());
    }

    @Override
    public PlanOutcome register(Registration registration, List<String> overrides, Consumer<PlanEvent> events) {
        runs.add(registration);
        return PlanOutcome.SUCCEEDED;
    }
}
