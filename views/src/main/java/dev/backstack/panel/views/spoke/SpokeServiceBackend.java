package dev.backstack.panel.views.spoke;

import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.installer.plan.PlanTarget;
import dev.backstack.panel.installer.spoke.ClaimSchema;
import dev.backstack.panel.installer.spoke.GuardrailFinding;
import dev.backstack.panel.installer.spoke.SpokeContexts;
import dev.backstack.panel.installer.spoke.SpokeService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.spoke.ClusterKind;
import dev.backstack.panel.model.spoke.Registration;
import dev.backstack.panel.model.spoke.SpokeRequest;
import java.util.List;
import java.util.function.Consumer;

/** The wizard's backend over the installer's {@link SpokeService}: the same calls the {@code spoke} command makes. */
public final class SpokeServiceBackend implements SpokeBackend {

    private final SpokeService service;
    private final SpokeContexts contexts;
    private final boolean simulated;
    private final Runnable onClose;

    public SpokeServiceBackend(SpokeService service, SpokeContexts contexts, boolean simulated) {
        this(service, contexts, simulated, () -> {});
    }

    /** @param onClose releases the contexts' clients when the wizard closes */
    public SpokeServiceBackend(SpokeService service, SpokeContexts contexts, boolean simulated, Runnable onClose) {
        this.service = service;
        this.contexts = contexts;
        this.simulated = simulated;
        this.onClose = onClose;
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public String hub() {
        return service.hub();
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public List<String> contexts() {
        return contexts.names();
    }

    @Override
    public ClaimSchema schema(ClusterKind kind) {
        return service.schema(kind);
    }

    @Override
    public List<String> problems(SpokeRequest request) {
        return service.problems(request);
    }

    @Override
    public List<GuardrailFinding> guardrails(SpokeRequest request) {
        return service.guardrails(request);
    }

    @Override
    public PlanPreview preview(SpokeRequest request, SecretText token) {
        return service.preview(request, credentials(token));
    }

    @Override
    public PreflightReport preflight(SpokeRequest request, SecretText token) throws InterruptedException {
        return service.preflight(request, service.guardrails(request), credentials(token));
    }

    @Override
    public SpokeService.Delivered run(
            SpokeRequest request, SecretText token, List<String> overrides, Consumer<PlanEvent> events) {
        return service.run(request, credentials(token), overrides, events);
    }

    @Override
    public PlanPreview preview(Registration registration) {
        return service.previewRegistration(registration, open(registration));
    }

    @Override
    public PreflightReport preflight(Registration registration) throws InterruptedException {
        return service.preflightRegistration(registration, open(registration));
    }

    @Override
    public PlanOutcome register(Registration registration, List<String> overrides, Consumer<PlanEvent> events) {
        return service.register(registration, open(registration), overrides, events);
    }

    private PlanTarget open(Registration r) {
        return contexts.open(r.context())
                .orElseThrow(() -> new IllegalArgumentException("cannot open kubeconfig " + "context " + r.context()
                        + ": check it with `kubectl --context " + r.context() + " get ns`"));
    }

    private static GitCredentials credentials(SecretText token) {
        return token == null || token.isEmpty()
                ? GitCredentials.none()
                : GitCredentials.of(GitCredentials.TOKEN_USER, token);
    }
}
