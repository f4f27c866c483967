package dev.backstack.panel.views.install;

import dev.backstack.panel.installer.install.InstallService;
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
 * The wizard's backend over the installer's {@link InstallService}: the same preview, preflight
 * and run the {@code install} command uses. {@code onClose} releases what the caller opened for
 * it (its cluster client), or does nothing when the caller keeps it.
 */
public final class InstallServiceBackend implements InstallBackend {

    private final InstallService service;
    private final Runnable onClose;

    public InstallServiceBackend(InstallService service, Runnable onClose) {
        this.service = service;
        this.onClose = onClose;
    }

    @Override
    public PlanPreview preview(InstallProfile profile, Credentials credentials) {
        return service.preview(profile, credentials);
    }

    @Override
    public PreflightReport preflight(InstallProfile profile, Credentials credentials) throws InterruptedException {
        return service.preflight(profile, credentials);
    }

    @Override
    public PlanOutcome install(
            InstallProfile profile, Credentials credentials, List<String> overrides, Consumer<PlanEvent> events) {
        return service.install(profile, credentials, overrides, events);
    }

    @Override
    public InstallOutputs outputs(InstallProfile profile) {
        return service.outputs(profile);
    }

    @Override
    public Optional<SecretText> adminPassword() {
        return service.argoCdAdminPassword();
    }

    @Override
    public void close() {
        onClose.run();
    }
}
