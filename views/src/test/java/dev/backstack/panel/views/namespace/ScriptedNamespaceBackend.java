package dev.backstack.panel.views.namespace;

import dev.backstack.panel.installer.gitops.DeliveryResult;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A namespace backend that records its calls and answers from a script: three spokes, the real catalog. */
final class ScriptedNamespaceBackend implements NamespaceBackend {

    static final List<PolicyEntry> CATALOG = PolicyCatalog.load().entries();

    final List<String> factsCalls = new ArrayList<>();
    final List<NamespaceRequest> previewCalls = new ArrayList<>();
    final List<NamespaceRequest> preflightCalls = new ArrayList<>();
    final List<NamespaceRequest> runCalls = new ArrayList<>();
    final List<String> tokensSeen = new ArrayList<>();
    PreflightReport preflight = new PreflightReport(
            List.of(PreflightFinding.pass("request", "Namespace request", PreflightFinding.Severity.BLOCKING, "ok")));
    Optional<DeliveryResult> commit = Optional.empty();
    PlanOutcome outcome = PlanOutcome.SUCCEEDED;

    @Override
    public List<String> spokes() {
        return List.of("spoke-1", "spoke-2", "spoke-3");
    }

    @Override
    public List<PolicyEntry> catalog() {
        return CATALOG;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public ClusterFacts facts(String spoke) {
        factsCalls.add(spoke);
        return new ClusterFacts(spoke, Optional.of("v1.19.0"), List.of(), null);
    }

    @Override
    public List<String> problems(NamespaceRequest request) {
        return request.problems();
    }

    @Override
    public PlanPreview preview(NamespaceRequest request, ClusterFacts facts, SecretText token) {
        previewCalls.add(request);
        return new PlanPreview("namespace-" + request.name(), "Namespace " + request.name(), List.of());
    }

    @Override
    public PreflightReport preflight(NamespaceRequest request, ClusterFacts facts, SecretText token) {
        preflightCalls.add(request);
        return preflight;
    }

    @Override
    public PolicyService.Delivered run(
            NamespaceRequest request,
            ClusterFacts facts,
            SecretText token,
            List<String> overrides,
            Consumer<PlanEvent> events) {
        runCalls.add(request);
        tokensSeen.add(token.isEmpty() ? "" : token.reveal());
        return new PolicyService.Delivered(outcome, commit);
    }
}
