package dev.backstack.panel.views.install;

import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.InstallOutputs;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the install wizard needs from the installer, for one target cluster. The app's
 * implementation is {@link InstallServiceBackend}; tests use a scripted fake. Every method but
 * {@link #preview} may block and is called on a worker thread, never the FX thread.
 */
public interface InstallBackend extends AutoCloseable {

    /** Everything the install would do, secret values redacted. Pure. */
    PlanPreview preview(InstallProfile profile, Credentials credentials);

    /** Every preflight gap at once, before any write. */
    PreflightReport preflight(InstallProfile profile, Credentials credentials) throws InterruptedException;

    /**
     * Runs or resumes the install, reporting events on the calling thread; interrupting that
     * thread cancels. Called again after a failure, it resumes from the failed step.
     *
     * @param overrides ids of the preflight warnings the user chose to go on with
     */
    PlanOutcome install(
            InstallProfile profile, Credentials credentials, List<String> overrides, Consumer<PlanEvent> events);

    /** The web UIs of a finished install. */
    InstallOutputs outputs(InstallProfile profile);

    /** Argo CD's initial admin password, read from the cluster only when asked. */
    Optional<SecretText> adminPassword();

    /** Releases the cluster connection, if the backend owns one. Called on a worker thread. */
    @Override
    default void close() {}
}
