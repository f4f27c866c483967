package dev.backstack.panel.views.spoke;

import dev.backstack.panel.installer.spoke.ClaimSchema;
import dev.backstack.panel.installer.spoke.GuardrailFinding;
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

/**
 * What the spoke wizard needs from the installer ({@link SpokeServiceBackend} in the app, a
 * scripted one in tests). {@link #schema}, {@link #problems}, {@link #hub}, {@link #contexts} and
 * {@link #simulated} answer at once; the others block and are called from background tasks.
 */
public interface SpokeBackend {

    String hub();

    boolean simulated();

    /** The kubeconfig contexts an existing cluster can be registered from. */
    List<String> contexts();

    ClaimSchema schema(ClusterKind kind);

    List<String> problems(SpokeRequest request);

    List<GuardrailFinding> guardrails(SpokeRequest request) throws InterruptedException;

    PlanPreview preview(SpokeRequest request, SecretText token);

    PreflightReport preflight(SpokeRequest request, SecretText token) throws InterruptedException;

    SpokeService.Delivered run(
            SpokeRequest request, SecretText token, List<String> overrides, Consumer<PlanEvent> events)
            throws InterruptedException;

    PlanPreview preview(Registration registration);

    PreflightReport preflight(Registration registration) throws InterruptedException;

    PlanOutcome register(Registration registration, List<String> overrides, Consumer<PlanEvent> events)
            throws InterruptedException;

    /** Releases what the backend opened (the registration contexts' clients); the wizard calls it when it closes. */
    default void close() {}
}
