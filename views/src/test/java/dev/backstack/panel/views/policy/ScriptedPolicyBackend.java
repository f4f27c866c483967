package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyCatalog;
import dev.backstack.panel.installer.policy.PolicyImpact;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.plan.StepInfo;
import dev.backstack.panel.model.plan.StepKind;
import dev.backstack.panel.model.plan.StepPreview;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A policy backend that answers from a script and records every call: a hub and three spokes,
 * the real catalog, one preview step per policy and cluster, and a settable preflight report and
 * delivery result.
 */
final class ScriptedPolicyBackend implements PolicyBackend {

    static final PolicyCatalog CATALOG = PolicyCatalog.load();
    static final String HUB = "backstack-hub";

    /** One call of {@link #run}: what the wizard handed over. */
    record RunCall(PolicyRequest request, Map<String, ClusterFacts> facts, String token, List<String> overrides) {}

    final Map<String, ClusterFacts> facts = new LinkedHashMap<>();
    final List<String> factsCalls = new ArrayList<>();
    final List<PolicyRequest> targetCalls = new ArrayList<>();
    final List<PolicyRequest> impactCalls = new ArrayList<>();
    final List<PolicyRequest> previewCalls = new ArrayList<>();
    final List<PolicyRequest> preflightCalls = new ArrayList<>();
    final List<List<PolicyImpact>> preflightImpacts = new ArrayList<>();
    final List<RunCall> runCalls = new ArrayList<>();
    List<String> matching = List.of("spoke-1", "spoke-3");
    PreflightReport report = new PreflightReport(List.of());
    PolicyService.Delivered delivered = new PolicyService.Delivered(PlanOutcome.SUCCEEDED, Optional.empty());
    RuntimeException factsFailure;

    ScriptedPolicyBackend() {
        facts.put(HUB, new ClusterFacts(HUB, Optional.of("v1.11.4"), List.of(), null));
        facts.put("spoke-1", new ClusterFacts("spoke-1", Optional.of("v1.20.0"), List.of(), null));
        facts.put("spoke-2", new ClusterFacts("spoke-2", Optional.of("v1.11.4"), List.of(), null));
        facts.put(
                "spoke-3",
                new ClusterFacts(
                        "spoke-3",
                        Optional.empty(),
                        List.of(),
                        "no Kyverno found on spoke-3 (looked for the kyverno-admission-controller Deployment)"));
    }

    @Override
    public List<PolicyEntry> catalog() {
        return CATALOG.entries();
    }

    @Override
    public String hub() {
        return HUB;
    }

    @Override
    public List<String> spokes() {
        return List.of("spoke-1", "spoke-2", "spoke-3");
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public ClusterFacts facts(String cluster) {
        factsCalls.add(cluster);
        if (factsFailure != null) {
            throw factsFailure;
        }
        return facts.get(cluster);
    }

    @Override
    public List<String> targets(PolicyRequest request) {
        targetCalls.add(request);
        return matching;
    }

    @Override
    public List<PolicyImpact> impact(PolicyRequest request) {
        impactCalls.add(request);
        List<PolicyImpact> out = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        if (request.hub()) {
            clusters.add(HUB);
        }
        clusters.addAll(request.spokes());
        for (String c : clusters) {
            request.selections().forEach(s -> out.add(new PolicyImpact(c, s, null, List.of(), "scripted")));
        }
        return out;
    }

    @Override
    public PlanPreview preview(PolicyRequest request, Map<String, ClusterFacts> facts, SecretText token) {
        previewCalls.add(request);
        List<StepPreview> steps = new ArrayList<>();
        request.selections()
                .forEach(s -> steps.add(new StepPreview(
                        new StepInfo(
                                s.entry().id(),
                                "ValidatingPolicy " + s.entry().id(),
                                "",
                                StepKind.APPLY,
                                List.of(),
                                Duration.ofMinutes(1)),
                        List.of(new ObjectPreview(
                                "policies.kyverno.io/v1",
                                "ValidatingPolicy",
                                null,
                                s.entry().id(),
                                "kind: ValidatingPolicy\n")),
                        null,
                        "")));
        return new PlanPreview("policies", "Scripted policies", steps);
    }

    @Override
    public PreflightReport preflight(
            PolicyRequest request, Map<String, ClusterFacts> facts, List<PolicyImpact> impact, SecretText token) {
        preflightCalls.add(request);
        preflightImpacts.add(impact);
        return report;
    }

    @Override
    public PolicyService.Delivered run(
            PolicyRequest request,
            Map<String, ClusterFacts> facts,
            SecretText token,
            List<String> overrides,
            Consumer<PlanEvent> events) {
        runCalls.add(new RunCall(request, Map.copyOf(facts), token.reveal(), List.copyOf(overrides)));
        events.accept(new PlanEvent.PlanStarted(Instant.EPOCH, "policies", List.of(), List.of()));
        events.accept(new PlanEvent.PlanFinished(Instant.EPOCH, delivered.outcome(), "scripted"));
        return delivered;
    }

    static PolicyEntry entry(String id) {
        return CATALOG.entry(id).orElseThrow();
    }
}
