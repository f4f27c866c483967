package dev.backstack.panel.views.addon;

import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.installer.gitops.GitCredentials;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The wizard's backend over the installer's {@link AddonService}: the same calls {@code addons apply} makes. */
public final class AddonServiceBackend implements AddonBackend {

    private final AddonService service;
    private final boolean simulated;

    public AddonServiceBackend(AddonService service, boolean simulated) {
        this.service = service;
        this.simulated = simulated;
    }

    @Override
    public List<AddonEntry> catalog() {
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
    public List<String> matchingSpokes(Map<String, String> selector) {
        return service.matchingSpokes(selector);
    }

    @Override
    public Map<String, Integer> waves() {
        return service.catalog().waves();
    }

    @Override
    public PlanPreview preview(AddonRequest request, SecretText token) {
        return service.preview(request, credentials(token));
    }

    @Override
    public PreflightReport preflight(AddonRequest request, SecretText token) throws InterruptedException {
        return service.preflight(request, credentials(token));
    }

    @Override
    public AddonService.Delivered run(
            AddonRequest request, SecretText token, List<String> overrides, Consumer<PlanEvent> events) {
        return service.run(request, credentials(token), overrides, events);
    }

    private static GitCredentials credentials(SecretText token) {
        return token == null || token.isEmpty()
                ? GitCredentials.none()
                : GitCredentials.of(GitCredentials.TOKEN_USER, token);
    }
}
