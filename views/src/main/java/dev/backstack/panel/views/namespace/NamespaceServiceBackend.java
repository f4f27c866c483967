package dev.backstack.panel.views.namespace;

import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.namespace.NamespaceService;
import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyEntry;
import java.util.List;
import java.util.function.Consumer;

/** The wizard's backend over the installer's {@link NamespaceService}: the same calls the {@code namespace} command makes. */
public final class NamespaceServiceBackend implements NamespaceBackend {

    private final NamespaceService service;
    private final boolean simulated;

    public NamespaceServiceBackend(NamespaceService service, boolean simulated) {
        this.service = service;
        this.simulated = simulated;
    }

    @Override
    public List<String> spokes() {
        return service.clusters().spokes();
    }

    @Override
    public List<PolicyEntry> catalog() {
        return service.teamPolicies();
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public ClusterFacts facts(String spoke) {
        return service.facts(spoke);
    }

    @Override
    public List<String> problems(NamespaceRequest request) {
        return service.problems(request);
    }

    @Override
    public PlanPreview preview(NamespaceRequest request, ClusterFacts facts, SecretText token) {
        return service.preview(request, facts, credentials(token));
    }

    @Override
    public PreflightReport preflight(NamespaceRequest request, ClusterFacts facts, SecretText token)
            throws InterruptedException {
        return service.preflight(request, facts, credentials(token));
    }

    @Override
    public PolicyService.Delivered run(
            NamespaceRequest request,
            ClusterFacts facts,
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
