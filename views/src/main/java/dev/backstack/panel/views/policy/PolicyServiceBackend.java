package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyImpact;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The wizard's backend over the installer's {@link PolicyService}: the same calls the {@code policies} command makes. */
public final class PolicyServiceBackend implements PolicyBackend {

    private final PolicyService service;
    private final boolean simulated;

    public PolicyServiceBackend(PolicyService service, boolean simulated) {
        this.service = service;
        this.simulated = simulated;
    }

    @Override
    public List<PolicyEntry> catalog() {
        return service.catalog().entries();
    }

    @Override
    public String hub() {
        return service.clusters().hub();
    }

    @Override
    public List<String> spokes() {
        return service.clusters().spokes();
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public ClusterFacts facts(String cluster) {
        return service.facts(cluster);
    }

    @Override
    public void warmUp() {
        dev.backstack.panel.installer.policy.cel.CelPolicyProgram.warmUp();
    }

    @Override
    public List<String> targets(PolicyRequest request) {
        return service.targetClusters(request);
    }

    @Override
    public List<PolicyImpact> impact(PolicyRequest request) throws InterruptedException {
        return service.impact(request);
    }

    @Override
    public PlanPreview preview(PolicyRequest request, Map<String, ClusterFacts> facts, SecretText token) {
        return service.preview(request, facts, credentials(token));
    }

    @Override
    public PreflightReport preflight(
            PolicyRequest request, Map<String, ClusterFacts> facts, List<PolicyImpact> impact, SecretText token)
            throws InterruptedException {
        return service.preflight(request, facts, impact, credentials(token));
    }

    @Override
    public PolicyService.Delivered run(
            PolicyRequest request,
            Map<String, ClusterFacts> facts,
            SecretText token,
            List<String> overrides,
            Consumer<PlanEvent> events) {
        return service.run(request, facts, credentials(token), overrides, events);
    }

    private static GitCredentials credentials(SecretText token) {
        return token == null || token.isEmpty()
                ? GitCredentials.none()
                : GitCredentials.of(GitCredentials.TOKEN_USER, token);
    }
}
