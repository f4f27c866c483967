package dev.backstack.panel.views.addon;

import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the add-on wizard needs from the installer ({@link AddonServiceBackend} in the app, a
 * scripted one in tests). Methods other than {@link #catalog}, {@link #hub}, {@link #spokes} and
 * {@link #simulated} block: the view-models call them from background tasks.
 */
public interface AddonBackend {

    List<AddonEntry> catalog();

    String hub();

    /** The spokes the panel knows, by name. */
    List<String> spokes();

    boolean simulated();

    /** The spokes whose Argo CD cluster secrets carry every label of the selector, now. */
    List<String> matchingSpokes(Map<String, String> selector) throws InterruptedException;

    /** The catalog's sync wave of each add-on. */
    Map<String, Integer> waves();

    PlanPreview preview(AddonRequest request, SecretText token);

    PreflightReport preflight(AddonRequest request, SecretText token) throws InterruptedException;

    AddonService.Delivered run(
            AddonRequest request, SecretText token, List<String> overrides, Consumer<PlanEvent> events)
            throws InterruptedException;
}
